"""API tokens with a lifecycle (label, expiry, ended), idempotency keys for API POSTs

Revision ID: 0011_token_lifecycle
Revises: 0010_refusals
Create Date: 2026-12-02 11:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011_token_lifecycle'
down_revision = '0010_refusals'
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

    op.create_table('idempotent_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('request', sa.String(length=300), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_idempotent_answers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotent_answers')),
    sa.UniqueConstraint('user_id', 'key', name=op.f('uq_idempotent_answers_user_id'))
    )
    with op.batch_alter_table('idempotent_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotent_answers_created_at'), ['created_at'],
                              unique=False)


def downgrade():
    op.drop_table('idempotent_answers')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revoked', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute("UPDATE api_tokens SET revoked = ended_at IS NOT NULL")
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('end_reason')
        batch_op.drop_column('ended_at')
        batch_op.drop_column('expires_at')
        batch_op.drop_column('label')
