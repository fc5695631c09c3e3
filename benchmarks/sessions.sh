#!/usr/bin/env bash
# Signed-in page requests per second with sessions in memory (the servlet container's) and in Redis (Spring Session,
# the sample's profile redis), side by side in one run: the packaged sample on loopback, alice signed in through the
# sample's own Cognito simulator, then wrk on GET /me with her session cookie. See docs/benchmarks.md, "Sessions in
# Redis".
#
#   benchmarks/sessions.sh [rounds=3] [duration=20] [connections=16] [warmup=20]
#
# Needs wrk, python3 (the sign-in form) and Debian's redis-server (started here on a free port without persistence
# and stopped at the end). Everything listens on 127.0.0.1; nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
duration=${2:-20}
connections=${3:-16}
warmup=${4:-20}
for tool in wrk python3 redis-server; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed (Debian: apt-get install $tool)" >&2; exit 2; }
done

# Builds the sample jar from this checkout (never installs into ~/.m2).
mvn -B -o -q -pl sample-app -am package -DskipTests || mvn -B -q -pl sample-app -am package -DskipTests
jar=$(ls sample-app/target/cognito-sso-sample-app-*.jar | grep -v original | head -1)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)

# Starts the sample (extra arguments select the session store), waits until it answers, prints its port.
start_sample() {
  local name=$1 port
  shift
  port=$(free_port)
  java -Xms512m -Xmx512m -jar "$jar" --server.port="$port" --server.address=127.0.0.1 "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "$port"; return; fi
    sleep 1
  done
  echo "the sample ($name) did not start, see $work/$name.log" >&2
  exit 1
}

# Signs alice in through the simulator's form and prints the session cookie (name=value).
sign_in() {
  python3 - "$1" <<'PY'
import html, re, sys, urllib.parse, urllib.request, http.cookiejar
port = sys.argv[1]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
headers = {"Accept": "text/html"}
page = opener.open(urllib.request.Request(f"http://localhost:{port}/me", headers=headers))
form_page = page.read().decode()
fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form_page))
fields = {k: html.unescape(v) for k, v in fields.items()}
fields.update(username="alice", password="alice-password")
login = urllib.parse.urljoin(page.geturl(), "/login")
done = opener.open(urllib.request.Request(login, data=urllib.parse.urlencode(fields).encode(), headers=headers))
assert "alice" in done.read().decode(), "sign-in failed"
cookie = next(c for c in jar if c.name in ("SESSION", "JSESSIONID") and c.domain.startswith("localhost"))
print(f"{cookie.name}={cookie.value}")
PY
}

measure() {
  local port=$1 cookie=$2 seconds=$3
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" -H "Accept: text/html" \
    "http://localhost:$port/me" 2>&1
}

memory_port=$(start_sample memory)
redis_port_app=$(start_sample redis --spring.profiles.active=redis --spring.data.redis.host=127.0.0.1 \
  --spring.data.redis.port="$redis_port")
memory_cookie=$(sign_in "$memory_port")
redis_cookie=$(sign_in "$redis_port_app")
case "$memory_cookie" in JSESSIONID=*) ;; *) echo "in-memory sample uses $memory_cookie" >&2; exit 1;; esac
case "$redis_cookie" in SESSION=*) ;; *) echo "Redis sample uses $redis_cookie" >&2; exit 1;; esac

echo "Warming up both for ${warmup}s..."
measure "$memory_port" "$memory_cookie" "$warmup" >/dev/null
measure "$redis_port_app" "$redis_cookie" "$warmup" >/dev/null

echo "| Round | Sessions | req/s | p50 | p99 |"
echo "| ---: | --- | ---: | ---: | ---: |"
for round in $(seq 1 "$rounds"); do
  order=("memory" "redis")
  if (( round % 2 == 0 )); then order=("redis" "memory"); fi
  for store in "${order[@]}"; do
    if [ "$store" = memory ]; then out=$(measure "$memory_port" "$memory_cookie" "$duration");
    else out=$(measure "$redis_port_app" "$redis_cookie" "$duration"); fi
    if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers for $store:" >&2; echo "$out" >&2; exit 1; fi
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    echo "| $round | $store | $rps | $p50 | $p99 |"
  done
done
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
