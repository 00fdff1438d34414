"""feed tokens; "klopt dit nog?" marks on experiences

Revision ID: 0019_feeds
Revises: 0015_capture
Create Date: 2026-12-02 14:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019_feeds'
down_revision = '0015_capture'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'feed_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('nonce', sa.String(length=64), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_feed_tokens_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_tokens')),
        sa.UniqueConstraint('digest', name=op.f('uq_feed_tokens_digest')),
        sa.UniqueConstraint('user_id', name=op.f('uq_feed_tokens_user_id')),
    )
    with op.batch_alter_table('experiences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('historical_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('experiences', schema=None) as batch_op:
        batch_op.drop_column('historical_at')
        batch_op.drop_column('confirmed_at')
    op.drop_table('feed_tokens')
