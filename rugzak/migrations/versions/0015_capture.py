"""where a concept started with Snel vastleggen was left

Revision ID: 0015_capture
Revises: 0014_follows
Create Date: 2026-12-02 14:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015_capture'
down_revision = '0014_follows'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'capture_progress',
        sa.Column('experience_id', sa.Integer(), nullable=False),
        sa.Column('step', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['experience_id'], ['experiences.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('experience_id'),
    )


def downgrade():
    op.drop_table('capture_progress')
