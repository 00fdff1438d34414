"""history: experience revisions, the bin

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 12:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('experience_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('experience_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('saved_by_id', sa.Integer(), nullable=True),
    sa.Column('restored_from', sa.Integer(), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['experience_id'], ['experiences.id'], name=op.f('fk_experience_revisions_experience_id_experiences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['saved_by_id'], ['users.id'], name=op.f('fk_experience_revisions_saved_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_experience_revisions')),
    sa.UniqueConstraint('experience_id', 'number', name=op.f('uq_experience_revisions_experience_id'))
    )
    with op.batch_alter_table('experience_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_experience_revisions_experience_id'), ['experience_id'], unique=False)
    with op.batch_alter_table('experiences', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('deleted_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_experiences_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_experiences_deleted_by_id_users'), 'users', ['deleted_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('experiences', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_experiences_deleted_by_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_experiences_deleted_at'))
        batch_op.drop_column('deleted_by_id')
        batch_op.drop_column('deleted_at')
    with op.batch_alter_table('experience_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_experience_revisions_experience_id'))
    op.drop_table('experience_revisions')
