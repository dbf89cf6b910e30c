-- A region keeps its code, parent and path from its creation on, and is never removed: the service
-- keeps the paths it has read (RegionService.path), on every instance, without asking again. The API
-- has never changed or removed a region; this makes it a rule of the database too. Its name and its
-- flags (poverty alleviated, key assistance) may still change.
create function region_path_is_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'a region''s code, parent and path are fixed and regions are not removed: % is not allowed', tg_op;
end $$;
create trigger region_path_fixed before update on region
    for each row when (old.code is distinct from new.code or old.parent_code is distinct from new.parent_code
                       or old.path is distinct from new.path)
    execute function region_path_is_fixed();
create trigger region_not_removed before delete on region
    for each row execute function region_path_is_fixed();
create trigger region_not_truncated before truncate on region
    for each statement execute function region_path_is_fixed();
