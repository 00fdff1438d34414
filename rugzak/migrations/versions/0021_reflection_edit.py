"""a reflection session can be cancelled

Revision ID: 0021_reflection_edit
Revises: 0018_open
Create Date: 2026-12-02 17:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0021_reflection_edit'
down_revision = '0018_open'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('reflection_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_at', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('reflection_sessions', schema=None) as batch_op:
        batch_op.drop_column('cancelled_at')
