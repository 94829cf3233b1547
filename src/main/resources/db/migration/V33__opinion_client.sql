-- The lock behind the public opinion form's hourly limit and its duplicate check (docs/opinions.md): one row
-- per client_hash (the same keyed hash public_opinion holds, never the address). A post locks its client's
-- row (select ... for update) before it counts and stores, so twenty posts sent at once by one script, or
-- a double click, are counted one after another, on every node. Portable SQL (H2 and PostgreSQL).
create table opinion_client (
  client_hash varchar(64) primary key
);
