//! The taxonomy: categories, skills and their aliases and relations, roles
//! with job titles and linked skills, mistakes, and the version counter.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    Slug,
    Name,
}

#[derive(DeriveIden)]
enum Skills {
    Table,
    Id,
    Slug,
    Name,
    NameAmbiguous,
    Kind,
    CategoryId,
    Description,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SkillAliases {
    Table,
    Id,
    SkillId,
    Alias,
    Normalized,
    Ambiguous,
}

#[derive(DeriveIden)]
enum SkillRelations {
    Table,
    SkillId,
    RelatedId,
}

#[derive(DeriveIden)]
enum Roles {
    Table,
    Id,
    Slug,
    Title,
    Description,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RoleAliases {
    Table,
    Id,
    RoleId,
    Title,
    Normalized,
}

#[derive(DeriveIden)]
enum RoleSkills {
    Table,
    RoleId,
    SkillId,
    Importance,
}

#[derive(DeriveIden)]
enum Mistakes {
    Table,
    Id,
    Slug,
    Title,
    Description,
    Fix,
    ExampleBefore,
    ExampleAfter,
    DetectorKind,
    DetectorParameters,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MistakeRoles {
    Table,
    MistakeId,
    RoleId,
}

#[derive(DeriveIden)]
enum TaxonomyState {
    Table,
    Id,
    Version,
    UpdatedAt,
}

fn foreign_key(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Categories::Table)
                    .col(pk_auto(Categories::Id))
                    .col(string_uniq(Categories::Slug))
                    .col(string(Categories::Name))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Skills::Table)
                    .col(pk_auto(Skills::Id))
                    .col(string_uniq(Skills::Slug))
                    .col(string(Skills::Name))
                    .col(boolean(Skills::NameAmbiguous).default(false))
                    .col(string(Skills::Kind))
                    .col(integer_null(Skills::CategoryId))
                    .col(text_null(Skills::Description))
                    .col(integer(Skills::Version).default(1))
                    .col(timestamp_with_time_zone(Skills::CreatedAt))
                    .col(timestamp_with_time_zone(Skills::UpdatedAt))
                    .foreign_key(&mut foreign_key(
                        (Skills::Table, Skills::CategoryId),
                        (Categories::Table, Categories::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_skills_category")
                    .table(Skills::Table)
                    .col(Skills::CategoryId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SkillAliases::Table)
                    .col(pk_auto(SkillAliases::Id))
                    .col(integer(SkillAliases::SkillId))
                    .col(string(SkillAliases::Alias))
                    .col(string(SkillAliases::Normalized))
                    .col(boolean(SkillAliases::Ambiguous).default(false))
                    .foreign_key(&mut foreign_key(
                        (SkillAliases::Table, SkillAliases::SkillId),
                        (Skills::Table, Skills::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_skill_aliases_skill_normalized")
                    .table(SkillAliases::Table)
                    .col(SkillAliases::SkillId)
                    .col(SkillAliases::Normalized)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_skill_aliases_normalized")
                    .table(SkillAliases::Table)
                    .col(SkillAliases::Normalized)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SkillRelations::Table)
                    .col(integer(SkillRelations::SkillId))
                    .col(integer(SkillRelations::RelatedId))
                    .primary_key(
                        Index::create()
                            .col(SkillRelations::SkillId)
                            .col(SkillRelations::RelatedId),
                    )
                    .foreign_key(&mut foreign_key(
                        (SkillRelations::Table, SkillRelations::SkillId),
                        (Skills::Table, Skills::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        (SkillRelations::Table, SkillRelations::RelatedId),
                        (Skills::Table, Skills::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_skill_relations_related")
                    .table(SkillRelations::Table)
                    .col(SkillRelations::RelatedId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Roles::Table)
                    .col(pk_auto(Roles::Id))
                    .col(string_uniq(Roles::Slug))
                    .col(string(Roles::Title))
                    .col(text_null(Roles::Description))
                    .col(integer(Roles::Version).default(1))
                    .col(timestamp_with_time_zone(Roles::CreatedAt))
                    .col(timestamp_with_time_zone(Roles::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoleAliases::Table)
                    .col(pk_auto(RoleAliases::Id))
                    .col(integer(RoleAliases::RoleId))
                    .col(string(RoleAliases::Title))
                    .col(string_uniq(RoleAliases::Normalized))
                    .foreign_key(&mut foreign_key(
                        (RoleAliases::Table, RoleAliases::RoleId),
                        (Roles::Table, Roles::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_role_aliases_role")
                    .table(RoleAliases::Table)
                    .col(RoleAliases::RoleId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoleSkills::Table)
                    .col(integer(RoleSkills::RoleId))
                    .col(integer(RoleSkills::SkillId))
                    .col(string(RoleSkills::Importance))
                    .primary_key(Index::create().col(RoleSkills::RoleId).col(RoleSkills::SkillId))
                    .foreign_key(&mut foreign_key(
                        (RoleSkills::Table, RoleSkills::RoleId),
                        (Roles::Table, Roles::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        (RoleSkills::Table, RoleSkills::SkillId),
                        (Skills::Table, Skills::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_role_skills_skill")
                    .table(RoleSkills::Table)
                    .col(RoleSkills::SkillId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Mistakes::Table)
                    .col(pk_auto(Mistakes::Id))
                    .col(string_uniq(Mistakes::Slug))
                    .col(string(Mistakes::Title))
                    .col(text(Mistakes::Description))
                    .col(text(Mistakes::Fix))
                    .col(text(Mistakes::ExampleBefore))
                    .col(text(Mistakes::ExampleAfter))
                    .col(string(Mistakes::DetectorKind))
                    .col(text(Mistakes::DetectorParameters))
                    .col(integer(Mistakes::Version).default(1))
                    .col(timestamp_with_time_zone(Mistakes::CreatedAt))
                    .col(timestamp_with_time_zone(Mistakes::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MistakeRoles::Table)
                    .col(integer(MistakeRoles::MistakeId))
                    .col(integer(MistakeRoles::RoleId))
                    .primary_key(Index::create().col(MistakeRoles::MistakeId).col(MistakeRoles::RoleId))
                    .foreign_key(&mut foreign_key(
                        (MistakeRoles::Table, MistakeRoles::MistakeId),
                        (Mistakes::Table, Mistakes::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        (MistakeRoles::Table, MistakeRoles::RoleId),
                        (Roles::Table, Roles::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_mistake_roles_role")
                    .table(MistakeRoles::Table)
                    .col(MistakeRoles::RoleId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TaxonomyState::Table)
                    .col(integer(TaxonomyState::Id).primary_key())
                    .col(big_integer(TaxonomyState::Version).default(0))
                    .col(timestamp_with_time_zone(TaxonomyState::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        let now = Expr::current_timestamp();
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(TaxonomyState::Table)
                    .columns([TaxonomyState::Id, TaxonomyState::Version, TaxonomyState::UpdatedAt])
                    .values_panic([1.into(), 0.into(), now])
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables: [DynIden; 10] = [
            TaxonomyState::Table.into_iden(),
            MistakeRoles::Table.into_iden(),
            Mistakes::Table.into_iden(),
            RoleSkills::Table.into_iden(),
            RoleAliases::Table.into_iden(),
            Roles::Table.into_iden(),
            SkillRelations::Table.into_iden(),
            SkillAliases::Table.into_iden(),
            Skills::Table.into_iden(),
            Categories::Table.into_iden(),
        ];
        for table in tables {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
