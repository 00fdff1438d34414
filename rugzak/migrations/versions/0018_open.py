"""open sharing: the author's consent and the open publications of experiences and bundles;
the peers (other municipalities' Rugzak) this installation follows

Revision ID: 0018_open
Revises: 0020_reflection
Create Date: 2026-12-02 14:15:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0018_open'
down_revision = '0020_reflection'
branch_labels = None
depends_on = None


def _record_table(name: str, target: str) -> None:
    op.create_table(
        name,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column(f'{target}_id', sa.Integer(), nullable=True),
        sa.Column('published_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint([f'{target}_id'], [f'{target}s.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint(f'{target}_id'),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(f'ix_{name}_updated_at', ['updated_at'], unique=False)


def upgrade():
    with op.batch_alter_table('experiences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('open_consent', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
    _record_table('open_experiences', 'experience')
    _record_table('open_bundles', 'bundle')
    op.create_table(
        'peers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('url', sa.String(length=300), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('synced_until', sa.DateTime(), nullable=True),
        sa.Column('last_synced_at', sa.DateTime(), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url'),
    )
    op.create_table(
        'external_experiences',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('peer_id', sa.Integer(), nullable=False),
        sa.Column('remote_id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(length=500), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('situation', sa.Text(), nullable=False),
        sa.Column('task', sa.Text(), nullable=False),
        sa.Column('approach', sa.Text(), nullable=False),
        sa.Column('result', sa.Text(), nullable=False),
        sa.Column('lesson', sa.Text(), nullable=False),
        sa.Column('tip', sa.Text(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('occurred_in', sa.String(length=7), nullable=True),
        sa.Column('author', sa.String(length=300), nullable=False),
        sa.Column('facts', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['peer_id'], ['peers.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('peer_id', 'remote_id'),
    )
    with op.batch_alter_table('external_experiences', schema=None) as batch_op:
        batch_op.create_index('ix_external_experiences_peer_id', ['peer_id'], unique=False)


def downgrade():
    op.drop_table('external_experiences')
    op.drop_table('peers')
    op.drop_table('open_bundles')
    op.drop_table('open_experiences')
    with op.batch_alter_table('experiences', schema=None) as batch_op:
        batch_op.drop_column('open_consent')
