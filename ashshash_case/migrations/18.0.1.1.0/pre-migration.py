"""The case code's index becomes a trigram (GIN) index, for name_search on a
fragment of a code (code ILIKE '%...%'). Odoo creates a field's index only when
no index of that name exists: drop the old b-tree one so that the update
creates the trigram index under the same name."""


def migrate(cr, version):
    cr.execute("""
        SELECT 1 FROM pg_indexes
         WHERE indexname = 'ashshash_survivor__code_index' AND indexdef NOT LIKE '%gin_trgm_ops%'
    """)
    if cr.fetchone():
        cr.execute("DROP INDEX ashshash_survivor__code_index")
