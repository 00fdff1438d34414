"""resident-data findings in every text, not only experiences

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 08:45:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('privacy_findings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_type', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
    op.execute("UPDATE privacy_findings SET subject_type = 'experiences', "
               "subject_id = experience_id")
    with op.batch_alter_table('privacy_findings', schema=None) as batch_op:
        batch_op.alter_column('subject_type', existing_type=sa.String(length=40), nullable=False)
        batch_op.alter_column('subject_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('experience_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_index('ix_privacy_findings_subject', ['subject_type', 'subject_id'],
                              unique=False)


def downgrade():
    op.execute("DELETE FROM privacy_findings WHERE experience_id IS NULL")
    with op.batch_alter_table('privacy_findings', schema=None) as batch_op:
        batch_op.drop_index('ix_privacy_findings_subject')
        batch_op.alter_column('experience_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('subject_id')
        batch_op.drop_column('subject_type')
