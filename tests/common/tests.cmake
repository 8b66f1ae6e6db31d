# Tests of core/common: torch-free, fast.
nsfw_add_test(tst_ownedfolder SOURCES common/tst_ownedfolder.cpp LABELS common)
# The tests' backend helpers: fresh project locations on SQLite and on the throwaway PostgreSQL server (NSFW_TEST_PG).
nsfw_add_test(tst_testpostgres SOURCES common/tst_testpostgres.cpp LABELS common)
