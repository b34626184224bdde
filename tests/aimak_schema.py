# SPDX-License-Identifier: GPL-3.0-or-later
"""aimak_schema.py — SQL that takes a current database back to an older schema, for the
tests that check upgrades of databases earlier releases left behind."""

# Back before schema 4 (record identity: src/core/migrations/0004-record-identity.sql),
# ending at user_version 3. The C tests use the same text (aimak_test_undo_identity_sql).
UNDO_IDENTITY_SQL = (
    # schema 5 and later first, newest first
    "DROP INDEX priority_sdg_code; DROP INDEX priority_gcm_code; DROP INDEX priority_summary; "
    "DROP INDEX area_change_uuid; "
    "DROP INDEX indicator_value_changed; DROP TABLE sync_state; DROP TABLE sync_setting; "
    "DROP TABLE area_change; DROP INDEX area_valid_to; "
    "ALTER TABLE area DROP COLUMN valid_from; ALTER TABLE area DROP COLUMN valid_to; "
    "DELETE FROM app_meta WHERE key IN ('area_list_name', 'area_list_date'); "
    "DROP TABLE package_receipt_before; DROP TABLE package_receipt; "
    "DROP TRIGGER priority_identity_ai; DROP TRIGGER priority_revision_au; "
    "DROP TRIGGER activity_identity_ai; DROP TRIGGER activity_revision_au; "
    "DROP TRIGGER indicator_value_identity_ai; DROP TRIGGER indicator_value_revision_au; "
    "DROP INDEX indicator_value_uuid; DROP INDEX priority_changed; "
    "DROP INDEX activity_changed; DROP TABLE desk; "
    + "".join("ALTER TABLE %s DROP COLUMN %s; " % (t, c)
              for t in ("priority", "activity", "indicator_value")
              for c in (("uuid",) if t == "indicator_value" else ())
              + ("origin_desk", "revision", "base_revision", "changed_by_desk"))
    + "PRAGMA user_version = 3;")

# The columns schema 4 adds, whose values an upgrade makes anew (random UUIDs, revisions
# from 1): left out when a database is compared before and after an upgrade.
IDENTITY_COLUMNS = ("uuid", "origin_desk", "revision", "base_revision", "changed_by_desk")
