"""a reflection session can be cancelled, and records who attended

Revision ID: 0021_reflection_edit
Revises: 0022_digest_source
Create Date: 2026-12-02 17:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0021_reflection_edit'
down_revision = '0022_digest_source'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('reflection_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_at', sa.DateTime(), nullable=True))
    op.create_table('reflection_attendance',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['reflection_sessions.id'], name=op.f('fk_reflection_attendance_session_id_reflection_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reflection_attendance_user_id_users')),
    sa.PrimaryKeyConstraint('session_id', 'user_id', name=op.f('pk_reflection_attendance'))
    )
    with op.batch_alter_table('reflection_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reflection_attendance_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('reflection_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reflection_attendance_user_id'))
    op.drop_table('reflection_attendance')
    with op.batch_alter_table('reflection_sessions', schema=None) as batch_op:
        batch_op.drop_column('cancelled_at')
