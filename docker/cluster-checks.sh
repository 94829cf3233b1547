# Requests and checks against a running climate-pdca cluster, sourced by check-compose-settings (the jar
# twice, no containers) and check-with-podman (the image and compose.yaml). The caller defines say, pass
# and fail, and sets work (a directory for answers), repo, admin_user and admin_password.

request() { # expected-status description curl-args...
  local expected=$1 what=$2; shift 2
  local status
  status=$(curl -sS -o "$work/body" -w '%{http_code}' "$@") || status=000
  if [[ $status == "$expected" ]]; then pass "$what: $status"; return 0; fi
  fail "$what: expected $expected, got $status $(head -c 300 "$work/body")"
  return 1
}
json() { python3 -c "import json,sys; d=json.load(open('$work/body')); print($1)"; }

# A Tasklist login as a browser makes it: the page hands out the XSRF cookie, the login form sends it back.
webapp_login() { # base cookie-jar
  local base=$1 jar=$2 token
  curl -sS -o /dev/null -c "$jar" -b "$jar" "$base/camunda/app/tasklist/default/"
  token=$(awk '$6 == "XSRF-TOKEN" {t = $7} END {print t}' "$jar")
  curl -sS -o "$work/body" -w '%{http_code}' -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $token" \
    --data-urlencode "username=$admin_user" --data-urlencode "password=$admin_password" \
    "$base/camunda/api/admin/auth/user/default/login/tasklist"
}
webapp_user() { # base cookie-jar
  curl -sS -b "$2" "$1/camunda/api/admin/auth/user/default" | python3 -c 'import json,sys
try: print(json.load(sys.stdin).get("userId", ""))
except ValueError: print("")'
}

# The cluster at work: the demo city's plan loaded, a cycle of fiscal year 2020 (April and July long past)
# started; its timers and asynchronous continuations are jobs that either node's job executor may take.
# Each must run once. Each step names the address it uses and how to say where that is.
check_cluster_at_work() { # load-base load-where start-base start-where read-base read-where
  local load=$1 load_where=$2 start=$3 start_where=$4 read=$5 read_where=$6
  local admin=(-u "$admin_user:$admin_password") year=2020 city departments instance started="" listed
  city=$(python3 -c "import json; print(json.load(open('$repo/src/main/resources/plan/demo-city.json'))['municipality']['code'])")
  departments=$(python3 -c "import json; print(len(json.load(open('$repo/src/main/resources/plan/demo-city.json'))['departments']))")
  request 200 "POST /api/plans (the demo city's plan) $load_where" "${admin[@]}" -H 'Content-Type: application/json' \
    --data-binary "@$repo/src/main/resources/plan/demo-city.json" "$load/api/plans" || true
  request 201 "POST /api/cycles ($city, fiscal year $year, April and July long past) $start_where" "${admin[@]}" \
    -H 'Content-Type: application/json' -d "{\"municipality\": \"$city\", \"fiscalYear\": $year}" "$start/api/cycles" \
    || return 0
  instance=$(json 'd["processInstanceId"]')
  for _ in $(seq 1 120); do
    curl -sS -o "$work/body" "${admin[@]}" "$read/engine-rest/history/process-instance/count?processDefinitionKey=department-self-assessment&processInstanceBusinessKeyLike=$city:$year:%25"
    # the cycle's jobs that are due (timers, continuations); the prod profile's history-cleanup job stays, and
    # is not its; a task's reminder timers wait for their dates (docs/reminders.md), so only executable ones count
    [[ $(json 'd["count"]') == "$departments" ]] \
      && curl -sS -o "$work/body" "${admin[@]}" "$read/engine-rest/job/count?processInstanceId=$instance&executable=true" \
      && [[ $(json 'd["count"]') == 0 ]] && { started=yes; break; }
    sleep 0.5
  done
  [[ -n $started ]] && pass "the April timer opened all $departments departments' self-assessments, no job of the cycle left due" \
    || fail "after 60 s: $(head -c 200 "$work/body") (expected $departments self-assessments and no job due)"
  sleep 2 # a job run twice would show up by now
  request 200 "the job log $start_where" "${admin[@]}" "$start/engine-rest/history/job-log?successLog=true&maxResults=10000" || true
  python3 "$repo/docker/jobs_ran_once.py" "$work/body" "$instance" >"$work/jobs" \
    && pass "every job ran exactly once: $(cat "$work/jobs")" || fail "the job log: $(cat "$work/jobs")"
  request 200 "GET /api/cycles/$city/$year $read_where" "${admin[@]}" "$read/api/cycles/$city/$year" || true
  listed=$(json 'len(d["departments"])')
  [[ $listed == "$departments" ]] && pass "the cycle lists $departments departments $read_where" \
    || fail "the cycle lists $listed departments, not $departments"
}
