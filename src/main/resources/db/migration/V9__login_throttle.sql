-- Login throttling (identity/LoginThrottle): wrong passwords counted per account and client address,
-- and per client address over all accounts (account ''), so a stranger slows down only their own
-- guesses and never locks the real user out from another address. In the database, not in memory:
-- both nodes behind the proxy see the same counts. Rows are forgotten a day after their last failure.
-- Version 8.1: another branch of the same issue may add a version 8.
create table login_throttle (
  account       varchar(255) not null,
  client        varchar(64)  not null,
  failures      integer      not null,
  -- attempts refused while blocked (not counted as failures, so a waiting user is not blocked longer)
  refused       integer      not null,
  last_failure  timestamp with time zone not null,
  blocked_until timestamp with time zone,
  constraint pk_login_throttle primary key (account, client)
);
create index ix_login_throttle_last_failure on login_throttle (last_failure);
