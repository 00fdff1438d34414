"""peers: the last sync error's values, so that the error (a Dutch msgid) can be translated

Revision ID: 0021_peer_index
Revises: 0021_reflection_edit
Create Date: 2026-12-02 18:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0021_peer_index'
down_revision = '0021_reflection_edit'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('peers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_error_values', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('peers', schema=None) as batch_op:
        batch_op.drop_column('last_error_values')
