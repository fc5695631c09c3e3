#!/usr/bin/env bash
# Where the time of a token-validation benchmark goes: runs JMH benchmarks with Java Flight Recorder (JMH's jfr
# profiler, CPU samples every millisecond) and with JMH's gc profiler (bytes allocated per operation), then sorts
# every CPU sample of the benchmark thread into the steps of a validation (signature, parsing, key selection,
# claim conversion, checks, cache...) by the innermost frame that names a step, and every allocation sample by
# the same rules. Prints one Markdown table per benchmark (share of the CPU samples, that share of the ns/op measured
# by the -prof gc run, share of the allocated bytes and that share of the bytes per operation), then, when
# jdkSignatureOnly was run, the steps grouped with the time above that floor spread over them in proportion to their
# samples. See docs/benchmarks.md, "Where a cache miss goes".
#
#   benchmarks/profile.sh                               # the default benchmarks below, -f 1 -wi 3 -i 5 -w 2s -r 2s
#   benchmarks/profile.sh 'TokenValidationBenchmark.starterDecoder$' -i 10
#
# The first argument, if it does not start with '-', is the JMH benchmark regex; the rest are JMH options.
# Recordings and logs go to ${PROFILE_DIR:-benchmarks/target/profile}; PROFILE_REPORT_ONLY=1 prints the tables of the
# last run again without running anything.
set -euo pipefail
cd "$(dirname "$0")/.."

benchmarks='TokenValidationBenchmark.(jdkSignatureOnly|plainNimbusJwtDecoder|starterDecoder|starterDecoderCachedToken)$|UniqueTokensBenchmark.starterDecoder(CacheMiss)?$'
if [[ $# -gt 0 && $1 != -* ]]; then
	benchmarks=$1
	shift
fi
options=(-f 1 -wi 3 -i 5 -w 2s -r 2s "$@")
out=${PROFILE_DIR:-benchmarks/target/profile}
mkdir -p "$out"

if [[ -z ${PROFILE_REPORT_ONLY:-} ]]; then
mvn -B -o -q -pl benchmarks -am package -DskipTests || mvn -B -q -pl benchmarks -am package -DskipTests

# JFR's "profile" settings with the CPU sampling period at 1 ms instead of 10 ms.
jdk_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
sed 's|\(control="method-sampling-java-interval">\)[^<]*<|\11 ms<|' "$jdk_home/lib/jfr/profile.jfc" >"$out/sample-1ms.jfc"

jmh() {
	java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main "$benchmarks" "${options[@]}" -rf json "$@"
}
echo "== allocations (-prof gc)" >&2
jmh -rff "$out/gc.json" -prof gc >"$out/gc.log"
echo "== CPU samples (-prof jfr)" >&2
rm -rf "$out/jfr"
jmh -rff "$out/jfr.json" -prof "jfr:dir=$out/jfr;configName=$out/sample-1ms.jfc;stackDepth=256" >"$out/jfr.log"

for recording in "$out"/jfr/*/profile.jfr; do
	name=$(basename "$(dirname "$recording")")
	jfr print --events jdk.ExecutionSample --stack-depth 256 "$recording" >"$out/$name.cpu.txt"
	jfr print --events jdk.ObjectAllocationSample --stack-depth 256 "$recording" >"$out/$name.alloc.txt"
done
fi
exec python3 - "$out" <<'PYTHON'
import collections, glob, json, math, os, re, sys

out = sys.argv[1]

# (step, frame prefix, required caller prefix or None). A sample belongs to the first rule matched by its innermost
# frame that matches any rule, walking from the leaf towards the benchmark method.
RULES = [
    ("RSA: Signature.verify (modPow, padding, digest compare)", "java.security.Signature.verify", None),
    ("RSA: SHA-256 of the signing input (Signature.update)", "java.security.Signature.update", None),
    ("RSA: signing input as bytes", "com.nimbusds.jose.JWSObject.getSigningInput", None),
    ("RSA: signing input as bytes", "java.lang.String.getBytes", "io.github.cognitosso.benchmarks.decode.TokenValidationBenchmark.jdkSignatureOnly"),
    ("RSA: signing input as bytes", "java.lang.String.substring", "io.github.cognitosso.benchmarks.decode.TokenValidationBenchmark.jdkSignatureOnly"),
    ("base64 of header, payload and signature (the JDK's decoder, VerifyingJwtDecoder)", "java.util.Base64$Decoder", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder"),
    ("base64 of the signature", "java.util.Base64$Decoder", None),
    ("Signature object per token (getInstance, initVerify)", "com.nimbusds.jose.crypto.impl.RSASSA.getSignerAndVerifier", None),
    ("Signature object per token (getInstance, initVerify)", "java.security.Signature.initVerify", None),
    ("Signature object per token (getInstance, initVerify)", "java.security.Signature.getInstance", None),
    ("base64 of the signature", "com.nimbusds.jose.util.Base64.decode", "com.nimbusds.jose.crypto.RSASSAVerifier.verify"),
    ("verifier per token (factory, RSASSAVerifier)", "com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory", None),
    ("verifier per token (factory, RSASSAVerifier)", "com.nimbusds.jose.crypto.RSASSAVerifier.<init>", None),
    ("verifier per token (factory, RSASSAVerifier)", "com.nimbusds.jose.crypto.RSASSAVerifier.verify", None),
    ("key per token: JWK to RSAPublicKey (base64 of n, e; KeyFactory)", "com.nimbusds.jose.jwk.KeyConverter.toJavaKeys", None),
    ("key per token: JWK to RSAPublicKey (base64 of n, e; KeyFactory)", "com.nimbusds.jose.jwk.RSAKey.toRSAPublicKey", None),
    ("key selection: matcher, JWK source", "com.nimbusds.jose.proc.JWSVerificationKeySelector", None),
    ("key selection: matcher, JWK source", "io.github.cognitosso.autoconfigure.core.CognitoJwkSource", None),
    ("key selection: matcher, JWK source", "com.nimbusds.jwt.proc.DefaultJWTProcessor.selectKeys", None),
    ("key selection: matcher, JWK source", "io.github.cognitosso.autoconfigure.core.PreparedKeySelector", None),
    ("header: the remembered headers' look-up", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder.rememberedHeader", None),
    ("header: split, token as bytes", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder$Parts.of", None),
    ("claims: base64 of the payload", "com.nimbusds.jose.Payload.toString", "com.nimbusds.jwt.SignedJWT.getJWTClaimsSet"),
    ("claims: JSON (Gson)", "com.nimbusds.jose.util.JSONObjectUtils.parse", "com.nimbusds.jwt.SignedJWT.getJWTClaimsSet"),
    ("claims: JSON (Gson)", "com.nimbusds.jose.util.JSONObjectUtils.parse", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder.parseClaims"),
    ("claims: the payload's bytes as a String", "java.lang.String.<init>", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder.parseClaims"),
    ("claims: JWTClaimsSet.parse (typed map)", "com.nimbusds.jwt.JWTClaimsSet.parse", None),
    ("claims: JWTClaimsSet.parse (typed map)", "com.nimbusds.jwt.SignedJWT.getJWTClaimsSet", None),
    ("header: JWSHeader.parse (base64 + JSON, second time)", "com.nimbusds.jose.JWSHeader.parse", None),
    ("header: split, signing input (SignedJWT.parse)", "com.nimbusds.jwt.SignedJWT.parse", None),
    ("header: base64 + JSON to find alg (JWTParser, first time)", "com.nimbusds.jwt.JWTParser.parse", None),
    ("Nimbus processor, rest (typ check, claims verifier)", "com.nimbusds.jwt.proc.DefaultJWTProcessor", None),
    ("Spring claim-set conversion: iss to URL", "org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter.convertIssuer", None),
    ("Spring claim-set conversion: rest (copy, Instants, lists)", "org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter", None),
    ("validators", "org.springframework.security.oauth2.jwt.NimbusJwtDecoder.validateJwt", None),
    ("Spring Jwt assembly (header and claims copied, Jwt built)", "org.springframework.security.oauth2.jwt.NimbusJwtDecoder", None),
    ("validators", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder.validate", None),
    ("Spring Jwt assembly (header and claims copied, Jwt built)", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder.createJwt", None),
    ("Signature object per token (getInstance, initVerify)", "java.lang.ThreadLocal", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder.verifyRs256"),
    ("VerifyingJwtDecoder, rest", "io.github.cognitosso.autoconfigure.core.VerifyingJwtDecoder", None),
    ("canonical-form scan", "io.github.cognitosso.autoconfigure.core.CanonicalTokenForm", None),
    ("cache: lookup, insertion, eviction", "com.github.benmanes.caffeine", None),
    ("cache: lookup, insertion, eviction", "io.github.cognitosso.autoconfigure.core.ValidatedTokenCache", None),
    ("starter decoder, rest (size limit)", "io.github.cognitosso.autoconfigure.core.CognitoJwtDecoder", None),
    ("benchmark: the token as a new String", "io.github.cognitosso.benchmarks.decode.TokenValidationBenchmark.requestToken", None),
    ("benchmark: the token as a new String", "io.github.cognitosso.benchmarks.decode.UniqueTokensBenchmark.nextToken", None),
]


UNITS = {"bytes": 1, "byte": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}


def samples(path):
    """(seconds of the day, weight in bytes or 1, frames leaf first) of each sample of the JMH worker thread."""
    thread, frames, time, weight = None, None, 0.0, 1
    with open(path) as lines:
        for line in lines:
            s = line.strip()
            if s.startswith("startTime = "):
                h, m, sec = s.split(" = ")[1].split(":")
                time, weight = int(h) * 3600 + int(m) * 60 + float(sec), 1
            elif s.startswith("weight = "):
                number, unit = s.split(" = ")[1].split()
                weight = float(number) * UNITS[unit]
            elif s.startswith("sampledThread") or s.startswith("eventThread"):
                thread = s
            elif s.startswith("stackTrace = ["):
                frames = []
            elif frames is not None and s == "]":
                if "jmh-worker" in thread:
                    stub = [i for i, f in enumerate(frames) if f.endswith("_jmhStub")]
                    if stub:
                        yield time, weight, frames[:stub[0]]
                frames = None
            elif frames is not None:
                m = re.match(r"([\w$.<>]+)\(", s)
                if m:
                    frames.append(m.group(1))


def step(frames):
    for i, frame in enumerate(frames):
        for name, prefix, caller in RULES:
            if frame.startswith(prefix) and (caller is None or any(f.startswith(caller) for f in frames[i + 1:])):
                if name == "validators":
                    # Which validator, when the sample is in one.
                    for inner in reversed(frames[:i]):
                        if inner.endswith("Validator.validate") and "Delegating" not in inner:
                            return "validators: " + inner.split(".")[-2]
                return name
    return ("other: " + frames[0]) if frames else "the benchmark method itself"


def scores(path):
    with open(path) as f:
        return {r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]: r for r in json.load(f)}


def shares(path):
    """Share of each step in the samples (CPU) or in their weights (bytes), the first SKIP_SECONDS left out: JFR
    starts with the first measured iteration, and that iteration runs slower (the recorder's set-up). When that
    leaves fewer than 300 samples (JFR often fails to walk the stack of a fast loop, as on a cache hit), all are
    kept."""
    events = list(samples(path))
    start = min((t for t, _, _ in events), default=0) + SKIP_SECONDS
    if sum(1 for t, _, _ in events if t >= start) < 300:
        start = 0
    weights = collections.Counter()
    count = 0
    for time, weight, frames in events:
        if time >= start:
            weights[step(frames)] += weight
            count += 1
    return weights, count


SKIP_SECONDS = 2.0
profiles = {}
timing = scores(os.path.join(out, "jfr.json"))
plain = scores(os.path.join(out, "gc.json"))
for path in sorted(glob.glob(os.path.join(out, "*.cpu.txt"))):
    benchmark = os.path.basename(path).split("-")[0]
    short = benchmark.rsplit(".", 2)[-2] + "." + benchmark.rsplit(".", 1)[-1]
    cpu, cpu_count = shares(path)
    memory, memory_count = shares(path.replace(".cpu.txt", ".alloc.txt"))
    gc = plain[short]
    ns = gc["primaryMetric"]["score"]
    metrics = gc["secondaryMetrics"]
    norm = (metrics.get("gc.alloc.rate.norm") or metrics.get("\u00b7gc.alloc.rate.norm"))["score"]
    jfr_run = timing[short]["primaryMetric"]
    print(f"\n### `{short}`\n\n{ns:,.0f} ± {gc['primaryMetric']['scoreError']:,.0f} ns/op and {norm:,.0f} bytes per "
          f"operation (-prof gc run); {jfr_run['score']:,.0f} ± {jfr_run['scoreError']:,.0f} ns/op with JFR recording; "
          f"{cpu_count} CPU samples and {memory_count} allocation samples (those of the first {SKIP_SECONDS:.0f} s left out "
          f"when at least 300 remain)")
    print("\n| Step | CPU share | ± (2σ) | ns per token | bytes share | bytes per token |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    cpu_total = sum(cpu.values()) or 1
    memory_total = sum(memory.values()) or 1
    for name in sorted(set(cpu) | set(memory), key=lambda k: (-cpu[k], -memory[k])):
        p = cpu[name] / cpu_total
        b = memory[name] / memory_total
        print(f"| {name} | {100 * p:.1f}% | {200 * math.sqrt(p * (1 - p) / cpu_total):.1f} | {p * ns:,.0f} "
              f"| {100 * b:.1f}% | {b * norm:,.0f} |")
    profiles[short] = (ns, norm, cpu, memory)

GROUPS = [
    ("RS256 signature (the floor's work)", ("RSA:",)),
    ("claims parsing", ("claims:",)),
    ("key and verifier per token", ("key per token", "Signature object", "verifier per token", "key selection")),
    ("base64 of the signature", ("base64 of the signature",)),
    ("Spring claim-set conversion", ("Spring claim-set",)),
    ("JOSE header parsing", ("header:",)),
    ("Spring Jwt assembly", ("Spring Jwt assembly",)),
    ("canonical-form scan", ("canonical-form scan",)),
    ("cache", ("cache:",)),
    ("Cognito validators", ("validators",)),
]
floor = profiles.pop("TokenValidationBenchmark.jdkSignatureOnly", None)
for short, (ns, norm, cpu, memory) in profiles.items():
    if floor is None or ns <= floor[0]:
        continue
    cpu_total = sum(cpu.values()) or 1
    memory_total = sum(memory.values()) or 1
    grouped = collections.OrderedDict((name, [0.0, 0.0]) for name, _ in GROUPS)
    grouped["rest"] = [0.0, 0.0]
    for step_name in set(cpu) | set(memory):
        group = next((name for name, prefixes in GROUPS if step_name.startswith(prefixes)), "rest")
        grouped[group][0] += cpu[step_name] / cpu_total
        grouped[group][1] += memory[step_name] / memory_total
    above = ns - floor[0]
    others = 1 - grouped[GROUPS[0][0]][0]
    print(f"\n### `{short}` above the floor: {ns:,.0f} - {floor[0]:,.0f} = {above:,.0f} ns, "
          f"{norm:,.0f} - {floor[1]:,.0f} = {norm - floor[1]:,.0f} bytes")
    print("\n| Step | CPU share | ns of the time above the floor | bytes per token |\n| --- | ---: | ---: | ---: |")
    for name, (p, b) in grouped.items():
        spread = "" if name == GROUPS[0][0] else f"{above * p / others:,.0f}"
        print(f"| {name} | {100 * p:.1f}% | {spread} | {b * norm:,.0f} |")
PYTHON
