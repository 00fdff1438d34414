"""a digest entry names its source, to be rendered again when the digest goes out

Revision ID: 0022_digest_source
Revises: 0018_open
Create Date: 2026-12-02 17:40:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0022_digest_source'
down_revision = '0018_open'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('mail_digest_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=60), nullable=True))


def downgrade():
    with op.batch_alter_table('mail_digest_entries', schema=None) as batch_op:
        batch_op.drop_column('source')
