"""synonym groups the core team keeps

Revision ID: 0012_synonyms
Revises: 0011_token_lifecycle
Create Date: 2026-12-02 12:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0012_synonyms'
down_revision = '0011_token_lifecycle'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'synonym_groups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('terms', sa.Text(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('synonym_groups', schema=None) as batch_op:
        batch_op.create_index('ix_synonym_groups_created_by_id', ['created_by_id'], unique=False)
        batch_op.create_index('ix_synonym_groups_updated_by_id', ['updated_by_id'], unique=False)


def downgrade():
    op.drop_table('synonym_groups')
