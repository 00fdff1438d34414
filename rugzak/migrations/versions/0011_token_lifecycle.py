"""API tokens with a lifecycle (label, expiry, ended), idempotency keys for API POSTs

Revision ID: 0011_token_lifecycle
Revises: 0009
Create Date: 2026-12-02 11:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_token_lifecycle'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('label', sa.String(length=100), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('ended_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('end_reason', sa.String(length=30), nullable=True))
    op.execute("UPDATE api_tokens SET ended_at = created_at, end_reason = 'ingetrokken' "
               "WHERE revoked")
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('revoked')


def downgrade():
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revoked', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE api_tokens SET revoked = ended_at IS NOT NULL")
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('end_reason')
        batch_op.drop_column('ended_at')
        batch_op.drop_column('expires_at')
        batch_op.drop_column('label')
