#!/usr/bin/env python3
"""CPU per request, side by side: this service's builds and the bare app, on one private PostgreSQL.

Throughput on this 2-core machine moves by 2x between runs of the same build, and so, it turned
out, does the CPU per request (the machine itself runs slower at times): compare builds within a
round. What this adds to the shared script is which process pays, the JVM or PostgreSQL, and how
much. For each build given (alternated ROUNDS times) and then the bare app, it runs the
shared side-by-side script's loads (the same seed, the same wrk order script) and prints, for
the measured window only: requests/s, p99, non-2xx, and the CPU seconds per request of the JVM
and of all PostgreSQL processes (utime + stime from /proc). Optionally what PostgreSQL ran
(pg_stat_statements over the window, when the server preloads it).

  python3 src/bench/cpu-per-request.py --builds .,/tmp/before [--rounds 2] [--seconds 10]
                                       [--warmup 10] [--only read,order] [--bare] [--statements]

A build is a directory holding target/quarkus-app (`./mvnw package -DskipTests` first); the
bare app is packaged by the shared script (or: ./mvnw -f ../shared/bench/bare-app/pom.xml package).
DB_POOL_MAX and the like pass through the environment to the service.
"""
import argparse
import glob
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "bench", "side-by-side.py")
spec = importlib.util.spec_from_file_location("side_by_side", SHARED)
sbs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sbs)


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError):
            pass  # a backend that ended
    return total / os.sysconf("SC_CLK_TCK")


def postgres_pids():
    pids = []
    for d in glob.glob("/proc/[0-9]*"):
        try:
            if open(d + "/comm").read().strip() == "postgres":
                pids.append(d[6:])
        except OSError:
            pass
    return pids


def psql(db, *sql):
    return sbs.sh(f"psql -h 127.0.0.1 -p {sbs.PGPORT} -U postgres -d {db} " + " ".join(f"-c \"{q}\"" for q in sql))


def measure(args, port, path, proc, db, lua=None):
    sbs.wrk(port, path, args.warmup, args.clients, lua)
    if args.statements:
        psql(db, "create extension if not exists pg_stat_statements", "select pg_stat_statements_reset()")
    jvm, pg = [str(proc.pid)], postgres_pids()
    jvm0, pg0 = cpu_seconds(jvm), cpu_seconds(pg)
    rps, p99, bad = sbs.wrk(port, path, args.seconds, args.clients, lua)
    jvm1, pg1 = cpu_seconds(jvm), cpu_seconds(pg)
    n = rps * args.seconds
    line = (f"{rps:8.0f}/s p99 {p99:>9} non2xx {bad:<5} JVM {(jvm1 - jvm0) * 1000 / n:6.3f} ms/req, "
            f"PostgreSQL {(pg1 - pg0) * 1000 / n:6.3f} ms/req")
    if args.statements:
        line += "\n" + psql(db, "select calls, round(total_exec_time) as total_ms, round(mean_exec_time::numeric, 3) "
                                "as mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) as statement "
                                "from pg_stat_statements order by total_exec_time desc limit 8")
    return line


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--builds", default=".", help="comma-separated directories holding target/quarkus-app")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--only", default="read,order")
    ap.add_argument("--bare", action="store_true", help="then the bare app's GET and INSERT")
    ap.add_argument("--statements", action="store_true", help="pg_stat_statements over each window "
                    "(the server must preload it: ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements')")
    args = ap.parse_args()
    base_url = sbs.sh(f"{sbs.HERE}/pg.sh start").strip()
    sbs.sh(f"openssl genrsa -out {sbs.W}/priv.pem 2048 2>/dev/null && "
           f"openssl rsa -in {sbs.W}/priv.pem -pubout -out {sbs.W}/pub.pem 2>/dev/null")
    proc = None
    try:
        for rnd in range(1, args.rounds + 1):
            for build in args.builds.split(","):
                build = os.path.abspath(build)
                url = sbs.fresh_db(base_url, "cpu")
                db = url.rsplit("/", 1)[1]
                env = dict(os.environ, DB_URL=url, DB_USERNAME="bench", DB_PASSWORD="bench", PORT=str(sbs.SVCPORT),
                           MP_JWT_VERIFY_PUBLICKEY_LOCATION=f"file:{sbs.W}/pub.pem", MP_JWT_VERIFY_ISSUER="perf")
                proc, _ = sbs.start(build, env, sbs.SVCPORT, "service.log", "/q/health/ready")
                product, buyer, buyer_token = sbs.seed_service()
                if "read" in args.only:
                    print(f"round {rnd} {build} read : "
                          + measure(args, sbs.SVCPORT, f"/api/v1/products/{product['id']}", proc, db), flush=True)
                if "order" in args.only:
                    body = json.dumps({"buyerId": buyer["id"], "lines": [{"productId": product["id"], "quantity": 1}]})
                    lua = sbs.post_script("order", "/api/v1/orders", {"Content-Type": "application/json",
                                                                      "Authorization": f"Bearer {buyer_token}"}, body)
                    print(f"round {rnd} {build} order: "
                          + measure(args, sbs.SVCPORT, "/api/v1/orders", proc, db, lua), flush=True)
                sbs.stop(proc)
                proc = None
        if args.bare:
            url = sbs.fresh_db(base_url, "bare")
            env = dict(os.environ, DB_URL=url, DB_USER="bench", DB_PASSWORD="bench", QUARKUS_HTTP_PORT=str(sbs.BAREPORT))
            proc, _ = sbs.start(os.path.join(sbs.HERE, "bare-app"), env, sbs.BAREPORT, "bare.log", "/q/health/ready")
            pid = sbs.call(sbs.BAREPORT, "POST", "/products", {"name": "wrk", "priceFen": 1999, "stock": 7})["id"]
            db = url.rsplit("/", 1)[1]
            if "read" in args.only:
                print("bare app read : " + measure(args, sbs.BAREPORT, f"/products/{pid}", proc, db), flush=True)
            if "order" in args.only:
                lua = sbs.post_script("insert", "/products", {"Content-Type": "application/json"},
                                      '{"name":"wrk","priceFen":1999,"stock":7}')
                print("bare app order: " + measure(args, sbs.BAREPORT, "/products", proc, db, lua), flush=True)
    finally:
        sbs.stop(proc)
        sbs.sh(f"{sbs.HERE}/pg.sh stop")


if __name__ == "__main__":
    main()
