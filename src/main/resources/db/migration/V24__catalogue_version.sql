-- The catalogue's version: a number that moves whenever what a catalogue search counts may
-- change (issue 13 §3). Measured with src/bench/catalogue.sh at 100,000 products: a broad search
-- (q=苹果, 50,000 matches) answered 23 requests/s at a p99 of 1.99 s, because every page counts
-- its matches for `total` (37 ms a count, against 1.8 ms for the page itself). The service keeps
-- the counts it made under the version they were made at (catalogue/CatalogueCounts) and counts
-- again once the version has moved: `total` stays exact, on every instance, without a count per
-- page.
--
-- A search filters on a product's status, name, brand, category, certifications, recognition and
-- cooperative, and on its cooperative's status and region, and on the regions' paths. Orders
-- write a product's stock, version and updated_at only, so they do not move the version.
create table catalogue_version (
    only_row   boolean primary key default true check (only_row),
    version    bigint  not null,
    moved_txid bigint  not null -- the transaction that moved it last: it moves once per transaction
);
insert into catalogue_version values (true, 0, 0);

-- Once per transaction: a bulk import's 10,000 updates (each its own statement) write one row
-- version of this table, not 10,000. Concurrent writers of the catalogue wait here for each
-- other's commit, as for any counter. The triggers run before their statement, so that a
-- transaction takes this row's lock before the rows it writes: taken after them, two writers of
-- overlapping products could each hold what the other waits for (a deadlock).
create function catalogue_moved() returns trigger language plpgsql as $$
begin
    update catalogue_version set version = version + 1, moved_txid = txid_current()
    where moved_txid <> txid_current();
    return null;
end $$;

create trigger catalogue_product_written before insert or delete on product
    for each statement execute function catalogue_moved();
create trigger catalogue_product_updated
    before update of cooperative_id, name, brand, category, certifications, status, recognition_valid_from,
        recognition_valid_to, recognition_revoked_on on product
    for each statement execute function catalogue_moved();
create trigger catalogue_cooperative_written before insert or delete on cooperative
    for each statement execute function catalogue_moved();
create trigger catalogue_cooperative_updated before update of status, region_code on cooperative
    for each statement execute function catalogue_moved();
create trigger catalogue_region_written before insert or update or delete on region
    for each statement execute function catalogue_moved();
