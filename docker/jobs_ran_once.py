"""Checks a cluster's job log: every job ran once, and the cycle's two timers (April, July) ran.

Used by cluster-checks.sh (check-compose-settings, check-with-podman). Arguments: a file with /engine-rest's
history/job-log?successLog=true, and the cycle's process instance id. Prints a line (how many jobs,
the cycle's timers, which node ran how many) and exits 1 when a job ran twice, a timer is missing or
no job ran at all.
"""
import collections
import json
import sys


def main(log_file, instance):
    log = json.load(open(log_file))
    # the history-cleanup job is recurring: it keeps its id and logs a success at each run in its window
    runs = collections.Counter(e["jobId"] for e in log if e["jobDefinitionType"] != "history-cleanup")
    timers = {e["jobId"] for e in log
              if e["processInstanceId"] == instance and e["jobDefinitionType"] == "timer-intermediate-transition"}
    hosts = collections.Counter(e["hostname"] for e in log)
    twice = [job for job, n in runs.items() if n > 1]
    print(f"{len(runs)} jobs, {len(timers)} timers of the cycle, by node: {dict(sorted(hosts.items()))}"
          + (f"; run more than once: {twice}" if twice else ""))
    return 1 if twice or len(timers) != 2 or not runs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
