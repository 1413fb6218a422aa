//! sea-orm entities: one module per table, rows only (no GraphQL or domain types).

macro_rules! no_relations {
    () => {
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    };
}

pub mod category {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "categories")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub slug: String,
        pub name: String,
    }
    no_relations!();
}

pub mod skill {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "skills")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub slug: String,
        pub name: String,
        pub name_ambiguous: bool,
        pub kind: String,
        pub category_id: Option<i32>,
        pub description: Option<String>,
        pub source: Option<String>,
        pub version: i32,
        pub created_at: DateTimeWithTimeZone,
        pub updated_at: DateTimeWithTimeZone,
    }
    no_relations!();
}

pub mod skill_alias {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "skill_aliases")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub skill_id: i32,
        pub alias: String,
        pub normalized: String,
        pub ambiguous: bool,
    }
    no_relations!();
}

pub mod skill_relation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "skill_relations")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub skill_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub related_id: i32,
    }
    no_relations!();
}

pub mod role {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "roles")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub slug: String,
        pub title: String,
        pub description: Option<String>,
        pub version: i32,
        pub created_at: DateTimeWithTimeZone,
        pub updated_at: DateTimeWithTimeZone,
    }
    no_relations!();
}

pub mod role_alias {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "role_aliases")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub role_id: i32,
        pub title: String,
        #[sea_orm(unique)]
        pub normalized: String,
    }
    no_relations!();
}

pub mod role_skill {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "role_skills")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub role_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub skill_id: i32,
        pub importance: String,
    }
    no_relations!();
}

pub mod mistake {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "mistakes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub slug: String,
        pub title: String,
        pub description: String,
        pub fix: String,
        pub example_before: String,
        pub example_after: String,
        pub detector_kind: String,
        /// JSON object, stored as text so one column type serves both databases.
        pub detector_parameters: String,
        pub version: i32,
        pub created_at: DateTimeWithTimeZone,
        pub updated_at: DateTimeWithTimeZone,
    }
    no_relations!();
}

pub mod mistake_role {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "mistake_roles")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub mistake_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub role_id: i32,
    }
    no_relations!();
}

pub mod taxonomy_state {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "taxonomy_state")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub version: i64,
        pub updated_at: DateTimeWithTimeZone,
    }
    no_relations!();
}

pub mod user {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub email: String,
        pub password_hash: String,
        pub role: String,
        pub disabled: bool,
        pub created_at: DateTimeWithTimeZone,
    }
    no_relations!();
}

pub mod api_key {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "api_keys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub prefix: String,
        #[sea_orm(unique)]
        pub key_hash: String,
        pub scopes: String,
        pub created_by: Option<i32>,
        pub created_at: DateTimeWithTimeZone,
        pub revoked_at: Option<DateTimeWithTimeZone>,
    }
    no_relations!();
}

pub mod audit_log {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_log")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub actor: String,
        pub action: String,
        pub entity: String,
        pub entity_slug: Option<String>,
        pub before: Option<String>,
        pub after: Option<String>,
        pub created_at: DateTimeWithTimeZone,
    }
    no_relations!();
}
