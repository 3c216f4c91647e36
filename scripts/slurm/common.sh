# Shared by cluster-up and cluster-down (sourced, not run).
STATE="${STATA_MCP_SLURM_DIR:-/tmp/stata-mcp-slurm}"

alive() { # alive NAME: the pid in $STATE/NAME.pid runs the program NAME (a reused pid does not count)
  local pid
  pid=$(cat "$STATE/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$1" ]
}

stop_daemon() { # stop_daemon NAME: TERM the pid in $STATE/NAME.pid if it runs NAME, wait up to 10 s, then KILL
  local name=$1 pid
  if ! alive "$name"; then rm -f "$STATE/$name.pid"; return 0; fi
  pid=$(cat "$STATE/$name.pid")
  kill -TERM "$pid"
  for _ in $(seq 100); do [ -e "/proc/$pid" ] || break; sleep 0.1; done
  if [ -e "/proc/$pid" ]; then log "$name ($pid) still up after 10 s, killing"; kill -KILL "$pid" || true; fi
  rm -f "$STATE/$name.pid"
  log "$name ($pid) stopped"
}
