# Shared helpers of the scripts under bench/scripts/ (sourced, not run): building the jar, ports, processes.

# Builds bench/target/pushbench.jar (and server-under-test/target/server-under-test.jar) when missing or older
# than a source: a stale jar would measure other code than the checkout's.
ensure_jar() {
  local jar=bench/target/pushbench.jar
  if [ ! -f "$jar" ] || [ -n "$(find model server-under-test plots bench -name '*.java' -newer "$jar" -print -quit)" ]; then
    mvn -B -q -pl bench -am package -DskipTests
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# await_port PORT PID NAME [LOG]: waits up to 10 s for 127.0.0.1:PORT to accept, failing early if PID exits.
await_port() {
  for _ in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "$3 exited before it listened${4:+; see $4}" >&2; return 1; }
    sleep 0.1
  done
  echo "$3 did not listen on 127.0.0.1:$1 within 10 s" >&2; return 1
}

# Process CPU time (user + system, including reaped children) of PID in µs, from /proc/PID/stat.
cpu_micros() {
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15 + $16 + $17) * 1e6 / hz) }' "/proc/$1/stat"
}

# The 1-minute load average and the commit, for the line printed beside every measured figure.
sitting_line() {
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) load average $(cut -d' ' -f1-3 /proc/loadavg) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!results' || echo '-dirty')"
}

# start_server OUT_DIR NAME [SERVER ARGS...]: starts server-under-test.jar on a free port in the background; sets
# SERVER_PORT and SERVER_PID. Stop it with stop_server.
start_server() {
  local dir=$1 name=$2; shift 2
  SERVER_PORT=$(free_port)
  java -jar server-under-test/target/server-under-test.jar --port="$SERVER_PORT" "$@" > "$dir/$name.out" 2> "$dir/$name.log" &
  SERVER_PID=$!
  await_port "$SERVER_PORT" "$SERVER_PID" "$name" "$dir/$name.log"
}

stop_server() {
  [ -n "${SERVER_PID:-}" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# cpu_of CMD...: runs CMD and prints its whole-process CPU time (user + system of it and its children) in µs on fd 3.
cpu_of() {
  python3 -c 'import resource, subprocess, sys
rc = subprocess.call(sys.argv[1:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(int((r.ru_utime + r.ru_stime) * 1e6), file=open(3, "w", closefd=False))
sys.exit(rc)' "$@"
}
