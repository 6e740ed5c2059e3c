#!/usr/bin/env python3
"""Generates the extra differential vectors in conformance/extra/*.json (the suite's own format).

  python3 conformance/extra/gen-vectors.py                 writes ops.json, input.json, output.json, rel.json, cfg.json, fuzz.json
  python3 conformance/extra/gen-vectors.py --record CLI    records with CLI (the real AWS CLI) the vectors that have no 'expect' yet
  python3 conformance/extra/gen-vectors.py --clone-expect CLI
        after recording: for each '--generate-cli-skeleton output' vector where the AWS CLI fails its own
        stubbed response's validation, runs CLI (the AWS CLI with that check off: oracle-nostubcheck.py)
        and stores what it prints as the vector's clone_expect

Everything is derived from the service model in vendor/ (operations, members, shapes, constraints, paginators)
and a fixed seed, so the same files come out on every run. A vector whose input (argv, env, unset, files,
files_b64, stdin, proxy) is unchanged keeps the 'expect' (and 'clone_expect') already recorded in the file;
record the others with the real AWS CLI (see README.md). Python 3, standard library only.
"""
import argparse, base64, json, os, random, re, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODEL_DIR = os.path.join(ROOT, "vendor", "botocore-2.36.7", "cleanroomsml", "2023-09-06")
SEED = 20241207
INPUT_FIELDS = ("argv", "env", "unset", "files", "files_b64", "stdin", "proxy")

with open(os.path.join(MODEL_DIR, "service-2.json")) as f: MODEL = json.load(f)
with open(os.path.join(MODEL_DIR, "paginators-1.json")) as f: PAGINATORS = json.load(f)["pagination"]
SHAPES, OPS = MODEL["shapes"], MODEL["operations"]

# ---------------------------------------------------------------------------------------------- names
_first_cap = re.compile("(.)([A-Z][a-z]+)")
_end_cap = re.compile("([a-z0-9])([A-Z])")
_special = re.compile("[A-Z]{2,}s$")

def xform(name, sep="-"):
    """botocore's xform_name: CreateMLInputChannel -> create-ml-input-channel."""
    if sep in name: return name
    m = _special.search(name)
    if m: name = name[: -len(m.group())] + sep + m.group().lower()
    return _end_cap.sub(r"\1" + sep + r"\2", _first_cap.sub(r"\1" + sep + r"\2", name)).lower()

def cli_op(op): return xform(op)
def cli_arg(member): return "--" + xform(member)

# ---------------------------------------------------------------------------------------------- values
ACCT = "123456789012"
M = "11111111-2222-4333-8444-555555555555"       # membership
C = "c0ffee00-1111-4222-8333-444444444444"       # collaboration
V = "0a0b0c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"       # model version
PFX = f"arn:aws:cleanrooms-ml:us-east-1:{ACCT}:"
ARNS = {
    "TrainedModelArn": PFX + f"membership/{M}/trained-model/tm-1",
    "TrainedModelInferenceJobArn": PFX + f"membership/{M}/trained-model-inference-job/tmij-1",
    "ConfiguredModelAlgorithmAssociationArn": PFX + f"membership/{M}/configured-model-algorithm-association/cmaa-1",
    "MLInputChannelArn": PFX + f"membership/{M}/ml-input-channel/ch-1",
    "ConfiguredModelAlgorithmArn": PFX + "configured-model-algorithm/cma-1",
    "AudienceModelArn": PFX + "audience-model/am-1",
    "ConfiguredAudienceModelArn": PFX + "configured-audience-model/cam-1",
    "AudienceGenerationJobArn": PFX + "audience-generation-job/agj-1",
    "TrainingDatasetArn": PFX + "training-dataset/td-1",
    "TaggableArn": PFX + "training-dataset/td-1",
    "IamRoleArn": f"arn:aws:iam::{ACCT}:role/CleanRoomsMLRole",
    "KmsKeyArn": f"arn:aws:kms:us-east-1:{ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "AnalysisTemplateArn": f"arn:aws:cleanrooms:us-east-1:{ACCT}:membership/{M}/analysistemplate/at-1",
}
POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCT}:root"},
                                                             "Action": "cleanrooms-ml:StartAudienceGenerationJob", "Resource": "*"}]})
STRINGS = {  # by member name, then by shape name
    "name": None, "description": "Nightly run, ünïcode ✓", "channelName": "training", "columnName": "user_id",
    "tableName": "interactions", "databaseName": "ml_db", "catalogId": ACCT, "imageUri": f"{ACCT}.dkr.ecr.us-east-1.amazonaws.com/algo:latest",
    "regex": "loss=([0-9.]+)", "filterPattern": "ERROR", "queryString": "SELECT user_id, item_id FROM interactions",
    "s3Uri": "s3://ml-bucket/output/", "accountId": ACCT, "computePayerAccountId": ACCT, "syntheticDataPayerAccountId": "210987654321",
    "mlModelTrainingPayerAccountId": ACCT, "mlModelInferencePayerAccountId": ACCT, "previousPolicyHash": "a1" * 32,
    "configuredAudienceModelPolicy": POLICY, "accept": "text/csv", "nextToken": "tok-1",
}

def shape(name): return SHAPES[name]

def op_input(op): return shape(OPS[op]["input"]["shape"])

def members(op):
    """(member name, member ref) of an operation's input, in model order."""
    return list(op_input(op)["members"].items())

def required(op): return op_input(op).get("required", [])

def is_complex(sname):
    s = shape(sname)
    return s["type"] in ("structure", "map") or (s["type"] == "list" and shape(s["member"]["shape"])["type"] in ("structure", "map", "list"))

def value_for(sname, mname, op, rng, depth=0, full=True):
    """A realistic value of a shape. full: every optional member too (else required ones only)."""
    s = shape(sname); t = s["type"]
    if t == "structure":
        out = {}
        mem = list(s["members"].items())
        if s.get("union"):
            mem = mem[:1]
        for k, ref in mem:
            if not full and k not in s.get("required", []) and not s.get("union"): continue
            out[k] = value_for(ref["shape"], k, op, rng, depth + 1, full)
        return out
    if t == "list":
        n = 1 if s.get("max") == 1 else 2
        if not full: n = max(1, s.get("min", 1))
        return [value_for(s["member"]["shape"], mname, op, rng, depth + 1, full) for _ in range(n)]
    if t == "map":
        kn = s["key"]["shape"]
        keys = {"TagKey": ["team", "cost-center"], "EnvironmentKeyString": ["LOG_LEVEL", "BATCH_SIZE"],
                "InferenceEnvironmentMapKeyString": ["LOG_LEVEL", "BATCH_SIZE"], "ParameterName": ["start_date", "min_score"],
                "HyperParametersKeyString": ["epochs", "learning_rate"], "SparkPropertyKey": ["spark.executor.memory", "spark.sql.shuffle.partitions"]}.get(kn, ["k1", "k2"])
        vals = {"TagKey": ["ml", "42"], "ParameterName": ["2024-01-01", "0.5"], "HyperParametersKeyString": ["10", "0.01"],
                "SparkPropertyKey": ["4g", "200"]}.get(kn, ["debug", "128"])
        return dict(zip(keys, vals))
    if t == "string":
        if "enum" in s: return rng.choice(s["enum"])
        if sname in ARNS: return ARNS[sname]
        if sname == "UUID":
            return C if "collaboration" in mname.lower() else V if "version" in mname.lower() else M
        if mname == "name": return {"StartTrainedModelInferenceJob": "nightly-run"}.get(op, xform(op)[:40] + "-1")
        if mname in STRINGS and STRINGS[mname] is not None: return STRINGS[mname]
        if sname == "AccountId": return ACCT
        return mname + "-value"
    if t == "integer":
        lo, hi = s.get("min", 0), s.get("max", 1000)
        return min(hi, max(lo, {"maxResults": 10, "retentionInDays": 7, "minMatchingSeedSize": 500, "value": 20,
                                "volumeSizeInGB": 50, "maxRuntimeInSeconds": 3600, "number": 4, "instanceCount": 2,
                                "maxPayloadInMB": 6}.get(mname, lo + 1)))
    if t == "double": return 1.5 if s.get("max", 100) >= 1.5 else s.get("min", 0)
    if t == "boolean": return True
    if t == "timestamp": return "2024-01-01T00:00:00Z"
    raise ValueError(t)

def op_values(op, full=True, seed=0):
    rng = random.Random(f"{SEED}-{op}-{seed}")
    out = {}
    for k, ref in members(op):
        if not full and k not in required(op): continue
        if not full or k not in ("nextToken",):
            out[k] = value_for(ref["shape"], k, op, rng, full=full)
    if full and op in PAGINATORS:  # a realistic call of a paginated operation pages by itself
        out.pop("nextToken", None); out.pop("maxResults", None)
    return out

# ---------------------------------------------------------------------------------------------- encodings
SH_SAFE = re.compile(r"^[A-Za-z0-9_./:@+\-~ü✓ïé*]+(?: [A-Za-z0-9_./:@+\-~ü✓ïé*,()]+)*$")

def sh_scalar(v):
    if isinstance(v, bool): return "true" if v else "false"
    v = str(v)
    if SH_SAFE.match(v) and "," not in v: return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'

def sh_inner(v):
    if isinstance(v, dict): return "{" + ",".join(f"{k}={sh_inner(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list): return "[" + ",".join(sh_inner(x) for x in v) + "]"
    return sh_scalar(v)

def shorthand(v):
    """Top-level shorthand of a structure or map."""
    return ",".join(f"{k}={sh_inner(x)}" for k, x in v.items())

def encode(op, mname, v, style):
    """The argv words for one member: style 'sh' (shorthand where possible) or 'json'."""
    ref = op_input(op)["members"][mname]; s = shape(ref["shape"]); t = s["type"]
    flag = cli_arg(mname)
    if t == "boolean": return [flag] if v else ["--no-" + xform(mname)]
    if t in ("string", "integer", "double", "timestamp"): return [flag, str(v)]
    if style == "json": return [flag, json.dumps(v, ensure_ascii=False)]
    if t == "list":
        ms = shape(s["member"]["shape"])
        if ms["type"] == "structure": return [flag] + [shorthand(x) for x in v]
        return [flag] + [str(x) for x in v]
    return [flag, shorthand(v)]

def argv_for(op, values, style="sh", order=None):
    words = ["cleanroomsml", cli_op(op), "--endpoint-url", "{{ENDPOINT}}"]
    names = [k for k, _ in members(op) if k in values]
    if order == "reverse": names.reverse()
    for k in names: words += encode(op, k, values[k], style)
    return words

def base(op): return ["cleanroomsml", cli_op(op), "--endpoint-url", "{{ENDPOINT}}"]

# ---------------------------------------------------------------------------------------------- vectors
VECTORS = {}

def vec(area, id, argv, note, **kw):
    assert id not in {v["id"] for vs in VECTORS.values() for v in vs}, id
    v = {"id": id, "argv": argv}
    for k in ("env", "unset", "files", "files_b64", "stdin", "proxy", "compare", "normalize", "clone_expect"):
        if k in kw: v[k] = kw.pop(k)
    assert not kw, kw
    v["note"] = note
    VECTORS.setdefault(area, []).append(v)
    return v

def yaml_scalar(v):
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, (int, float)): return repr(v)
    return json.dumps(v, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar

def to_yaml(v, indent=0):
    """Block YAML of plain JSON data (strings double-quoted)."""
    pad = "  " * indent; out = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)) and x: out.append(f"{pad}{k}:\n" + to_yaml(x, indent + 1))
            else: out.append(f"{pad}{k}: {yaml_scalar(x) if not isinstance(x, (dict, list)) else json.dumps(x)}\n")
    else:
        for x in v:
            if isinstance(x, dict) and x:
                inner = to_yaml(x, indent + 1).split("\n")
                first = inner[0].lstrip()
                out.append(f"{pad}- {first}\n" + "\n".join(inner[1:]))
            elif isinstance(x, list): out.append(f"{pad}- {json.dumps(x)}\n")
            else: out.append(f"{pad}- {yaml_scalar(x)}\n")
    return "".join(out)

def uri_members(op): return [k for k, ref in members(op) if ref.get("location") == "uri"]
def query_members(op): return [k for k, ref in members(op) if ref.get("location") == "querystring"]
def body_members(op): return [k for k, ref in members(op) if "location" not in ref]

SEED_OPS = {"StartTrainedModelInferenceJob", "GetTrainedModelInferenceJob", "ListTrainedModelInferenceJobs", "CancelTrainedModelInferenceJob"}

def gen_ops():
    rng = random.Random(SEED)
    oplist = sorted(OPS)
    for i, op in enumerate(oplist):
        o = cli_op(op)
        full = op_values(op, True); req = op_values(op, False)
        has_complex = any(is_complex(op_input(op)["members"][k]["shape"]) for k in full)
        A = "ops"
        vec(A, f"ops-{o}-all", argv_for(op, full, "sh"),
            "A realistic call with every member (structures, maps and lists of structures in shorthand); the mock answers 404, the request and the error text count.")
        if has_complex:
            vec(A, f"ops-{o}-all-json", argv_for(op, full, "json", order="reverse"),
                "Every member, structures as JSON, arguments in reverse model order.")
        if req != full:
            vec(A, f"ops-{o}-required", argv_for(op, req, "sh" if i % 2 else "json"),
                "Required members only.")
        # skeletons
        vec(A, f"ops-{o}-skel-input", ["cleanroomsml", o, "--generate-cli-skeleton", "input"], "The input skeleton, asked for by name.")
        vec(A, f"ops-{o}-skel-yaml", ["cleanroomsml", o, "--generate-cli-skeleton", "yaml-input"],
            "The YAML input skeleton, compared without its comments.", normalize=["yaml-comments"])
        if i % 3 == 0:
            vec(A, f"ops-{o}-skel-yaml-comments", ["cleanroomsml", o, "--generate-cli-skeleton", "yaml-input"],
                "The YAML input skeleton with its documentation comments.")
        vec(A, f"ops-{o}-skel-output", argv_for(op, req, "sh")[:2] + argv_for(op, req, "sh")[4:] + ["--generate-cli-skeleton", "output"],
            "The output skeleton (no request is sent).")
        if i % 4 == 1:
            vec(A, f"ops-{o}-skel-bogus", ["cleanroomsml", o, "--generate-cli-skeleton", "xml"], "An invalid --generate-cli-skeleton choice.")
        # missing required
        if required(op):
            vec(A, f"ops-{o}-no-args", base(op), "No arguments at all: every required argument is reported.")
            drop = required(op)[i % len(required(op))]
            vals = {k: v for k, v in req.items() if k != drop}
            if vals:
                vec(A, f"ops-{o}-missing-{xform(drop)}", argv_for(op, vals, "sh"), f"The required {cli_arg(drop)} missing.")
        # unknown argument, and a prefix of a real one
        vec(A, f"ops-{o}-unknown-arg", argv_for(op, req, "sh") + ["--bogus-option", "x"], "An unknown option and its value.")
        longs = [k for k in req if len(cli_arg(k)) > 8]
        if longs:
            k = longs[0]; words = argv_for(op, req, "sh"); j = words.index(cli_arg(k))
            words[j] = cli_arg(k)[:-3]
            vec(A, f"ops-{o}-arg-prefix", words, "An abbreviated operation argument (argparse prefix matching).")
        # --cli-input-json / yaml
        cij = json.dumps(full, ensure_ascii=False)
        some = req or full or {"maxResults": 5}  # an operation without required members gets its optional ones
        vec(A, f"ops-{o}-cij", base(op) + ["--cli-input-json", cij], "--cli-input-json with every member inline.")
        vec(A, f"ops-{o}-ciy-file", base(op) + ["--cli-input-yaml", "file://in.yaml"], "--cli-input-yaml from a file, every member.",
            files={"work/in.yaml": to_yaml(full)})
        if i % 2 == 0:
            vec(A, f"ops-{o}-cij-file", base(op) + ["--cli-input-json", "file://in.json"], "--cli-input-json from a file (pretty-printed, required members).",
                files={"work/in.json": json.dumps(some, indent=2, ensure_ascii=False) + "\n"})
        else:
            vec(A, f"ops-{o}-ciy", base(op) + ["--cli-input-yaml", to_yaml(some)], "--cli-input-yaml inline, required members.")
        if required(op) and i % 3 == 2:
            first = required(op)[0]
            part = {k: v for k, v in req.items() if k != first}
            vec(A, f"ops-{o}-cij-plus-arg", base(op) + ["--cli-input-json", json.dumps(part)] + encode(op, first, req[first], "sh"),
                "--cli-input-json without one required member, which comes as an argument.")
        # client-side validation
        bad = validation_cases(op, req)
        for suffix, vals, note in bad:
            vec(A, f"ops-{o}-val-{suffix}", argv_for(op, vals, "json" if i % 2 else "sh"), "Client-side validation: " + note)
        # escaping in path labels and query strings
        esc = ESCAPES[i % len(ESCAPES)]
        for k in uri_members(op):
            ref = op_input(op)["members"][k]
            if ref["shape"] == "UUID": continue
            vals = dict(req); vals[k] = req[k] + esc
            vec(A, f"ops-{o}-esc-path-{xform(k)}", argv_for(op, vals, "sh"), f"Escaping: {esc!r} appended to the path label {k}.")
            break
        qm = [k for k in query_members(op) if shape(op_input(op)["members"][k]["shape"])["type"] == "string" and k != "nextToken"]
        if qm:
            k = qm[0]; vals = dict(req)
            sv = op_values(op, True)[k]
            vals[k] = (sv + ESCAPES[(i + 3) % len(ESCAPES)]) if op_input(op)["members"][k]["shape"] != "UUID" else sv
            vec(A, f"ops-{o}-esc-query-{xform(k)}", argv_for(op, vals, "sh"), f"Escaping: special characters in the query parameter {k}.")
        # pagination
        if op in PAGINATORS: gen_pagination(op, req, i)
    gen_ops_specials()

ESCAPES = ["/a b", "?x=1&y=2#frag", "%2F%20", "+plus;semi,comma", "~tilde_under.dot-dash", "ü/é/日本", "🚀", "'quote\"dq", "[br]{ce}|pipe^car", "@at$d!ex*st(p)", "\\back`tick", "a//b/"]

def validation_cases(op, req):
    """Up to three client-side validation failures of an operation, derived from its constraints."""
    out = []
    mem = op_input(op)["members"]
    for k, v in req.items():
        s = shape(mem[k]["shape"]); t = s["type"]
        if t == "string" and "enum" not in s and s.get("min", 0) > 1:
            vals = dict(req); vals[k] = v[: s["min"] - 1]
            out.append((f"short-{xform(k)}", vals, f"{k} one character below its minimum length {s['min']}."))
            break
    for k, ref in mem.items():
        s = shape(ref["shape"])
        if s["type"] == "string" and "max" in s and s["max"] <= 256 and "enum" not in s and ref["shape"] != "UUID":
            vals = dict(req); vals[k] = "x" * (s["max"] + 1)
            out.append((f"long-{xform(k)}", vals, f"{k} one character above its maximum length {s['max']}."))
            break
    for k, ref in mem.items():
        s = shape(ref["shape"])
        if s["type"] == "integer" and "min" in s:
            vals = dict(req); vals[k] = s["min"] - 1
            out.append((f"int-min-{xform(k)}", vals, f"integer {k} below its minimum {s['min']}."))
            vals = dict(req); vals[k] = s["max"] + 1
            out.append((f"int-max-{xform(k)}", vals, f"integer {k} above its maximum {s['max']}."))
            break
    for k, ref in mem.items():
        s = shape(ref["shape"])
        if s["type"] == "list" and s.get("min", 0) >= 1 and k in req:
            vals = dict(req); vals[k] = []
            if shape(s["member"]["shape"])["type"] == "structure":
                out.append((f"empty-list-{xform(k)}", vals, f"an empty list {k} below its minimum {s['min']}."))
            break
    return out

PAGE_TOKEN = base64.b64encode(json.dumps({"nextToken": "page-2"}).encode()).decode()
PAGE_TOKEN_TRUNC = base64.b64encode(json.dumps({"nextToken": "abc==", "boto_truncate_amount": 2}).encode()).decode()

def gen_pagination(op, req, i):
    o = cli_op(op); b = argv_for(op, req, "sh"); A = "ops"
    cases = [
        ("max-items-3", ["--max-items", "3"], "--max-items alone: no maxResults is sent."),
        ("page-size-25", ["--page-size", "25"], "--page-size becomes maxResults."),
        ("page-size-max-items", ["--page-size", "5", "--max-items", "12"], "--page-size and --max-items together."),
        ("token-b64", ["--starting-token", PAGE_TOKEN], "A base64 JSON starting token."),
        ("token-trunc", ["--starting-token", PAGE_TOKEN_TRUNC, "--max-items", "4"], "A token with boto_truncate_amount and --max-items."),
        ("token-plain", ["--starting-token", "plain-token/with=chars"], "A plain (legacy) starting token."),
        ("no-paginate", ["--no-paginate", "--max-results", "7", "--next-token", "raw-tok"], "--no-paginate with the raw --max-results/--next-token."),
        ("raw-args", ["--max-results", "3", "--next-token", "raw tok+1"], "The raw --max-results/--next-token without --no-paginate."),
        ("page-size-0", ["--page-size", "0"], "--page-size 0 is below maxResults' minimum."),
        ("page-size-101", ["--page-size", "101"], "--page-size above maxResults' maximum."),
        ("max-items-neg", ["--max-items", "-1"], "A negative --max-items."),
        ("max-items-float", ["--max-items", "2.5"], "A non-integer --max-items."),
        ("token-bad-b64", ["--starting-token", "eyJub3QganNvbg=="], "A starting token that is base64 but not JSON."),
        ("max-results-str", ["--max-results", "ten"], "A non-integer --max-results."),
    ]
    for j, (suffix, extra, note) in enumerate(cases):
        if (i + j) % 2 == 0 or suffix in ("max-items-3", "page-size-25", "token-b64", "no-paginate"):
            vec(A, f"ops-{o}-page-{suffix}", b + extra, "Pagination: " + note)
    vec(A, f"ops-{o}-page-cij", base(op) + ["--cli-input-json", json.dumps(dict(req, maxResults=4, nextToken="from-json")), "--max-items", "2"],
        "Pagination: maxResults/nextToken from --cli-input-json with --max-items.")

def gen_ops_specials():
    A = "ops"
    cam = ARNS["ConfiguredAudienceModelArn"]
    # timestamps
    for j, (ts, note) in enumerate([
        ("2024-01-01", "a date alone"), ("2024-01-01T10:00:00+02:00", "an offset, sent in UTC"),
        ("2024-01-01T00:00:00.123456Z", "microseconds"), ("1700000000.5", "fractional epoch seconds"),
        ("-1", "a negative epoch"), ("Mon, 01 Jan 2024 00:00:00 GMT", "an RFC 822 date"),
        ("20240101T000000Z", "compact ISO 8601"), ("2024-13-01", "month 13"), ("now", "the word now"),
        ("2024-02-30T00:00:00Z", "February 30"), ("253402300800", "year 10000 in epoch seconds"),
        ("2024-01-01 12:30", "a space instead of T, no zone"), ("1e9", "scientific epoch"),
        ("", "an empty timestamp"), ("0", "the epoch itself"), ("2024-06-01T12:00:00-07:00", "a negative offset"),
    ]):
        vec(A, f"ops-ts-{j:02d}", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"],
                                                                "--training-data-start-time", ts],
            f"Timestamps: {note} ({ts!r}).")
    vec(A, "ops-ts-cij-number", base("CreateAudienceModel") + ["--cli-input-json", json.dumps({"name": "n", "trainingDatasetArn": ARNS["TrainingDatasetArn"],
                                                                                               "trainingDataStartTime": 1700000000, "trainingDataEndTime": 1700000000.25})],
        "Timestamps: JSON numbers in --cli-input-json.")
    vec(A, "ops-ts-ciy-date", base("CreateAudienceModel") + ["--cli-input-yaml", f"name: n\ntrainingDatasetArn: {ARNS['TrainingDatasetArn']}\ntrainingDataStartTime: 2024-01-05\ntrainingDataEndTime: 2024-01-06T10:00:00Z\n"],
        "Timestamps: YAML dates and datetimes in --cli-input-yaml.")
    # integers at and past their ranges, top level
    for j, (val, note) in enumerate([("25", "the minimum"), ("500000", "the maximum"), ("24", "below the minimum"), ("500001", "above the maximum"),
                                      ("+30", "a plus sign"), (" 40 ", "surrounding spaces"), ("1e3", "scientific notation"), ("0x20", "hex"),
                                      ("30.0", "a decimal point"), ("-0", "minus zero"), ("0030", "leading zeros"), ("٣٠", "Arabic-Indic digits"),
                                      ("99999999999999999999999", "a huge number"), ("", "empty")]):
        vec(A, f"ops-int-{j:02d}", base("UpdateConfiguredAudienceModel") + ["--configured-audience-model-arn", cam, "--min-matching-seed-size", val],
            f"Numbers: a top-level integer, {note} ({val!r}).")
    # integers in structures (shorthand and JSON)
    for j, (val, note) in enumerate([("1", "the minimum"), ("20000000", "the maximum"), ("0", "below the minimum"), ("-5", "negative"),
                                      ("1.5", "a decimal"), ("abc", "not a number"), ("1_000", "an underscore")]):
        vec(A, f"ops-int-sh-{j:02d}", base("StartAudienceExportJob") + ["--name", "e", "--audience-generation-job-arn", ARNS["AudienceGenerationJobArn"],
                                                                       "--audience-size", f"type=ABSOLUTE,value={val}"],
            f"Numbers: an integer in shorthand, {note}.")
    for j, (val, note) in enumerate([("1.0", "a float with no fraction"), ("2.5", "a float"), ("true", "a boolean"), ("1e2", "scientific notation"),
                                      ("123456789012345678901234567890", "a huge integer"), ("-0", "minus zero"), ("\"7\"", "a string")]):
        vec(A, f"ops-int-json-{j:02d}", base("StartAudienceExportJob") + ["--name", "e", "--audience-generation-job-arn", ARNS["AudienceGenerationJobArn"],
                                                                         "--audience-size", '{"type": "PERCENTAGE", "value": ' + val + "}"],
            f"Numbers: an integer in JSON, {note}.")
    # list of integers in shorthand and JSON
    vec(A, "ops-int-list-sh", base("UpdateConfiguredAudienceModel") + ["--configured-audience-model-arn", cam, "--audience-size-config",
                                                                      "audienceSizeType=ABSOLUTE,audienceSizeBins=[100,1000,10000]"],
        "Numbers: a list of integers in shorthand.")
    vec(A, "ops-int-list-sh-csv", base("UpdateConfiguredAudienceModel") + ["--configured-audience-model-arn", cam, "--audience-size-config",
                                                                          "audienceSizeType=PERCENTAGE,audienceSizeBins=5,10,20"],
        "Numbers: a csv list of integers in shorthand.")
    vec(A, "ops-int-list-sh-single", base("UpdateConfiguredAudienceModel") + ["--configured-audience-model-arn", cam, "--audience-size-config",
                                                                             "audienceSizeType=PERCENTAGE,audienceSizeBins=5"],
        "Numbers: a single value for a list of integers in shorthand.")
    vec(A, "ops-int-list-json-bad", base("UpdateConfiguredAudienceModel") + ["--configured-audience-model-arn", cam, "--audience-size-config",
                                                                            '{"audienceSizeType": "ABSOLUTE", "audienceSizeBins": [0, 20000001, "3", 4.0]}'],
        "Numbers: bad items in a list of integers (JSON).")
    # doubles
    cmaa = base("CreateConfiguredModelAlgorithmAssociation") + ["--membership-identifier", M, "--configured-model-algorithm-arn",
                                                                ARNS["ConfiguredModelAlgorithmArn"], "--name", "a"]
    for j, (val, note) in enumerate([("0.01", "the minimum"), ("100", "the maximum as an integer"), ("100.0001", "just above the maximum"),
                                      ("0.009", "just below the minimum"), ("1e1", "scientific"), ("NaN", "NaN"), ("Infinity", "Infinity"),
                                      ("-Infinity", "-Infinity"), ("1e999", "overflow to infinity"), ("0.1e-400", "underflow to zero"),
                                      ("12345678901234567890", "a huge integer"), ("\"5\"", "a string")]):
        vec(A, f"ops-double-json-{j:02d}", cmaa + ["--privacy-configuration",
                                                   '{"policies": {"trainedModels": {"maxArtifactSize": {"unit": "GB", "value": ' + val + "}}}}"],
            f"Numbers: a double in JSON, {note}.")
    for j, (val, note) in enumerate([("0.5", "a decimal"), ("50", "an integer"), ("nan", "nan"), ("inf", "inf"), ("-inf", "-inf"),
                                      ("1e-3", "scientific, below the minimum"), ("abc", "not a number"), ("1_0.5", "an underscore"),
                                      ("Infinity", "Infinity"), (" 2.5", "a leading space")]):
        vec(A, f"ops-double-sh-{j:02d}", cmaa + ["--privacy-configuration",
                                                 "policies={trainedModelExports={maxSize={unit=GB,value=" + val + "},filesToExport=[MODEL,OUTPUT]}}"],
            f"Numbers: a double in shorthand, {note}.")
    vec(A, "ops-double-yaml", base("CreateConfiguredModelAlgorithmAssociation") + ["--cli-input-yaml",
        f"membershipIdentifier: {M}\nconfiguredModelAlgorithmArn: {ARNS['ConfiguredModelAlgorithmArn']}\nname: a\nprivacyConfiguration:\n  policies:\n"
        "    trainedModelInferenceJobs:\n      maxOutputSize: {unit: GB, value: .inf}\n    trainedModels:\n      maxArtifactSize: {unit: GB, value: .nan}\n"],
        "Numbers: YAML .inf and .nan for doubles.")
    # booleans
    sagj = base("StartAudienceGenerationJob") + ["--name", "g", "--configured-audience-model-arn", cam, "--seed-audience",
                                                 f"roleArn={ARNS['IamRoleArn']},dataSource={{s3Uri=s3://seed/}}"]
    vec(A, "ops-bool-true", sagj + ["--include-seed-in-output"], "Booleans: the flag.")
    vec(A, "ops-bool-false", sagj + ["--no-include-seed-in-output"], "Booleans: the --no- flag.")
    vec(A, "ops-bool-both", sagj + ["--include-seed-in-output", "--no-include-seed-in-output"], "Booleans: both flags.")
    vec(A, "ops-bool-value", sagj + ["--include-seed-in-output", "true"], "Booleans: a value after the flag.")
    vec(A, "ops-bool-cij-string", base("StartAudienceGenerationJob") + ["--cli-input-json", json.dumps({
        "name": "g", "configuredAudienceModelArn": cam, "seedAudience": {"roleArn": ARNS["IamRoleArn"]}, "includeSeedInOutput": "yes"})],
        "Booleans: a string in --cli-input-json.")
    vec(A, "ops-bool-ciy-yes", base("StartAudienceGenerationJob") + ["--cli-input-yaml",
        f"name: g\nconfiguredAudienceModelArn: {cam}\nseedAudience: {{roleArn: '{ARNS['IamRoleArn']}'}}\nincludeSeedInOutput: yes\n"],
        "Booleans: YAML 1.1 'yes' in --cli-input-yaml.")
    # enums
    vec(A, "ops-enum-bad", base("ListTrainedModelVersions") + ["--membership-identifier", M, "--trained-model-arn", ARNS["TrainedModelArn"], "--status", "bogus"],
        "Enums: a value outside the enum is sent (not checked client-side).")
    vec(A, "ops-enum-lower", base("CreateConfiguredAudienceModel") + ["--name", "c", "--audience-model-arn", ARNS["AudienceModelArn"], "--output-config",
        f"destination={{s3Destination={{s3Uri=s3://b/}}}},roleArn={ARNS['IamRoleArn']}", "--shared-audience-metrics", "all", "none"],
        "Enums: lower-case values and two items for a list of max 1.")
    # unions
    cmic = base("CreateMLInputChannel") + ["--membership-identifier", M, "--configured-model-algorithm-associations", ARNS["ConfiguredModelAlgorithmAssociationArn"],
                                           "--name", "ch", "--retention-in-days", "7"]
    vec(A, "ops-union-two", cmic + ["--input-channel", json.dumps({"dataSource": {"protectedQueryInputParameters": {"sqlParameters": {"queryString": "SELECT 1"},
        "computeConfiguration": {"worker": {"type": "CR.1X", "number": 2}}}}, "roleArn": ARNS["IamRoleArn"]})],
        "Unions: a union member set inside a union.")
    vec(A, "ops-union-sh", cmic + ["--input-channel", "dataSource={protectedQueryInputParameters={sqlParameters={queryString=SELECT 1,parameters={a=b}},"
                                   "computeConfiguration={worker={type=CR.4X,number=8,properties={spark={spark.executor.memory=4g}}}},resultFormat=PARQUET}},roleArn="
                                   + ARNS["IamRoleArn"]],
        "Unions: nested unions in shorthand, a map with dotted keys.")
    vec(A, "ops-union-null-member", cmic + ["--input-channel", json.dumps({"dataSource": {"protectedQueryInputParameters": {"sqlParameters": {"queryString": "SELECT 1"},
        "computeConfiguration": {"worker": None}}}, "roleArn": ARNS["IamRoleArn"]})],
        "Unions: a union whose only member is null.")
    # lists of scalars at the top level
    vec(A, "ops-list-json", base("UntagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tag-keys", '["a", "b c", ""]'],
        "Lists: a JSON list for a top-level list of strings.")
    vec(A, "ops-list-empty-json", base("UntagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tag-keys", "[]"],
        "Lists: an empty JSON list (min 0).")
    vec(A, "ops-list-comma", base("UntagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tag-keys", "a,b", "c"],
        "Lists: a comma inside one word is not a separator.")
    vec(A, "ops-list-struct-json", base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
        ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10",
        "--data-channels", json.dumps([{"mlInputChannelArn": ARNS["MLInputChannelArn"], "channelName": "train"}])],
        "Lists: a JSON list of structures at the top level.")
    vec(A, "ops-list-struct-mixed", base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
        ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10",
        "--data-channels", f"mlInputChannelArn={ARNS['MLInputChannelArn']},channelName=train", json.dumps({"mlInputChannelArn": ARNS["MLInputChannelArn"], "channelName": "val"})],
        "Lists: shorthand then JSON in two words of a list of structures.")
    vec(A, "ops-list-struct-dup-key", base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
        ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10",
        "--data-channels", f"mlInputChannelArn={ARNS['MLInputChannelArn']},channelName=train,channelName=val"],
        "Shorthand: a key twice in one item.")
    vec(A, "ops-list-single-for-list", base("CreateConfiguredModelAlgorithm") + ["--name", "a", "--role-arn", ARNS["IamRoleArn"],
        "--training-container-config", "imageUri=img,entrypoint=python,arguments=train.py,--epochs"],
        "Shorthand: a scalar for a list member, and a csv list.")
    vec(A, "ops-map-json-nonstring", base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
        ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10",
        "--data-channels", f"mlInputChannelArn={ARNS['MLInputChannelArn']},channelName=train", "--hyperparameters", '{"epochs": 10, "lr": 0.1, "flag": true, "none": null}'],
        "Maps: non-string JSON values for a map of strings.")
    vec(A, "ops-map-value-empty", base("TagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tags", "a=,b="],
        "Maps: empty values in shorthand.")
    vec(A, "ops-map-key-long", base("TagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tags", "k" * 129 + "=v"],
        "Maps: a tag key longer than its maximum.")
    vec(A, "ops-map-too-many", base("StartTrainedModelInferenceJob")[:4] + ["--membership-identifier", M, "--name", "n", "--trained-model-arn", ARNS["TrainedModelArn"],
        "--resource-config", "instanceType=ml.m5.xlarge", "--output-configuration", f"members=[{{accountId={ACCT}}}]", "--data-source",
        f"mlInputChannelArn={ARNS['MLInputChannelArn']}", "--environment", ",".join(f"K{n}=v" for n in range(17))],
        "Maps: 17 entries for a map of max 16.")
    # policy strings (JSON inside a string parameter)
    vec(A, "ops-string-json-policy", base("PutConfiguredAudienceModelPolicy") + ["--configured-audience-model-arn", cam, "--configured-audience-model-policy", POLICY,
                                                                                  "--policy-existence-condition", "POLICY_MUST_NOT_EXIST"],
        "Strings: a JSON document as a string parameter is sent verbatim.")
    vec(A, "ops-string-policy-file", base("PutConfiguredAudienceModelPolicy") + ["--configured-audience-model-arn", cam, "--configured-audience-model-policy", "file://policy.json"],
        "Strings: file:// for a string parameter.", files={"work/policy.json": json.dumps(json.loads(POLICY), indent=2) + "\n"})
    vec(A, "ops-string-policy-fileb", base("PutConfiguredAudienceModelPolicy") + ["--configured-audience-model-arn", cam, "--configured-audience-model-policy", "fileb://policy.json"],
        "Strings: fileb:// for a string parameter.", files={"work/policy.json": POLICY})
    vec(A, "ops-string-policy-missing-file", base("PutConfiguredAudienceModelPolicy") + ["--configured-audience-model-arn", cam, "--configured-audience-model-policy", "file://nope.json"],
        "Strings: file:// naming a missing file.")
    vec(A, "ops-string-http-prefix", base("PutConfiguredAudienceModelPolicy") + ["--configured-audience-model-arn", cam, "--configured-audience-model-policy", "https://example.com/p.json"],
        "Strings: an http(s):// value is not fetched in v2.")
    # escaping extras
    vec(A, "ops-esc-unicode-query", base("ListAudienceExportJobs") + ["--audience-generation-job-arn", ARNS["AudienceGenerationJobArn"] + "/ü 日本&=+%"],
        "Escaping: unicode, space and reserved characters in a query string.")
    vec(A, "ops-esc-tag-keys-2", base("UntagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tag-keys", "a/b", "c?d", "e#f", "g%h", "i j", "k+l", "=", "&"],
        "Escaping: repeated query values with reserved characters.")
    vec(A, "ops-esc-dot-segments", base("GetTrainingDataset") + ["--training-dataset-arn", PFX + "training-dataset/../../x/./y"],
        "Escaping: dot segments in a path label are encoded, not resolved.")
    vec(A, "ops-esc-ctrl", base("GetAudienceModel") + ["--audience-model-arn", PFX + "audience-model/tab\there\x7f"],
        "Escaping: a tab and DEL in a path label.")
    vec(A, "ops-esc-lone-surrogate-path", base("ListTagsForResource") + ["--cli-input-json", '{"resourceArn": "' + PFX + 'training-dataset/\\ud800"}'],
        "Escaping: a lone surrogate (JSON \\ud800) in a path label cannot be encoded: an error, no request.")
    vec(A, "ops-esc-lone-surrogate-query", base("ListAudienceExportJobs") + ["--cli-input-json", '{"audienceGenerationJobArn": "' + ARNS["AudienceGenerationJobArn"] + '\\udc00"}'],
        "Escaping: a lone surrogate (JSON \\udc00) in a query string cannot be encoded: an error, no request.")
    ctm = base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
                                        ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10"]
    dc = {"mlInputChannelArn": ARNS["MLInputChannelArn"], "channelName": "train"}
    MORE = [
        ("list-struct-json-object", ctm + ["--data-channels", json.dumps(dc)], "a JSON object (not a list) for a list of structures"),
        ("list-struct-sh-explicit-list", ctm + ["--data-channels", f"[{{mlInputChannelArn={dc['mlInputChannelArn']},channelName=train}}]"],
         "an explicit shorthand list [..] for a list of structures (parsed as JSON)"),
        ("list-struct-two-words", ctm + ["--data-channels", f"mlInputChannelArn={dc['mlInputChannelArn']},channelName=a",
                                         f"mlInputChannelArn={dc['mlInputChannelArn']},channelName=b,s3DataDistributionType=ShardedByS3Key"],
         "two shorthand items"),
        ("list-struct-json-then-sh", ctm + ["--data-channels", json.dumps([dc]), "channelName=x"], "a JSON list followed by a second word"),
        ("list-str-csv", base("CreateMLInputChannel") + ["--membership-identifier", M, "--configured-model-algorithm-associations",
                                                         ARNS["ConfiguredModelAlgorithmAssociationArn"] + "," + ARNS["ConfiguredModelAlgorithmAssociationArn"],
                                                         "--input-channel", f"dataSource={{protectedQueryInputParameters={{sqlParameters={{queryString=SELECT 1}}}}}},roleArn={ARNS['IamRoleArn']}",
                                                         "--name", "c", "--retention-in-days", "1"], "a comma inside one word of a list of strings"),
        ("enum-list-two", base("CreateConfiguredAudienceModel") + ["--name", "c", "--audience-model-arn", ARNS["AudienceModelArn"], "--output-config",
                                                                   f"destination={{s3Destination={{s3Uri=s3://b/}}}},roleArn={ARNS['IamRoleArn']}", "--shared-audience-metrics", "ALL", "NONE"],
         "two items for a list of max 1 (not checked client-side)"),
        ("bool-cij-override", base("StartAudienceGenerationJob") + ["--cli-input-json", json.dumps({"name": "g", "configuredAudienceModelArn": ARNS["ConfiguredAudienceModelArn"],
                                                                                                   "seedAudience": {"roleArn": ARNS["IamRoleArn"]}, "includeSeedInOutput": True}),
                                                                   "--no-include-seed-in-output"], "a boolean from --cli-input-json overridden on the command line"),
        ("struct-cij-override-merge", base("PutMLConfiguration") + ["--cli-input-json", json.dumps({"membershipIdentifier": M, "defaultOutputLocation": {
            "destination": {"s3Destination": {"s3Uri": "s3://from-json/"}}, "roleArn": ARNS["IamRoleArn"]}}), "--default-output-location", "roleArn=" + ARNS["IamRoleArn"]],
         "a structure from the command line replaces (does not merge with) --cli-input-json's"),
        ("ts-no-zone", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"], "--training-data-start-time", "2024-01-01T00:00:00"],
         "a timestamp without a zone"),
        ("ts-frac-offset", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"], "--training-data-start-time", "2024-01-01T00:00:00.5+01:00"],
         "a fractional timestamp with an offset"),
        ("ts-spaces", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"], "--training-data-start-time", "  2024-01-01  "],
         "a timestamp with surrounding spaces"),
        ("ts-month-year", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"], "--training-data-start-time", "Jan 2024"],
         "a month and a year"),
        ("ts-two-digit-year", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"], "--training-data-start-time", "24-01-05"],
         "a two-digit year"),
        ("ts-epoch-exp", base("CreateAudienceModel") + ["--name", "n", "--training-dataset-arn", ARNS["TrainingDatasetArn"], "--training-data-start-time", "1.7e9"],
         "epoch seconds in scientific notation"),
        ("ts-cij-string-epoch", base("CreateAudienceModel") + ["--cli-input-json", json.dumps({"name": "n", "trainingDatasetArn": ARNS["TrainingDatasetArn"],
                                                                                               "trainingDataStartTime": "1700000000"})], "epoch seconds as a JSON string"),
        ("ts-cij-bool", base("CreateAudienceModel") + ["--cli-input-json", json.dumps({"name": "n", "trainingDatasetArn": ARNS["TrainingDatasetArn"],
                                                                                        "trainingDataStartTime": True})], "a boolean for a timestamp"),
        ("ts-cij-bad", base("CreateAudienceModel") + ["--cli-input-json", json.dumps({"name": "n", "trainingDatasetArn": ARNS["TrainingDatasetArn"],
                                                                                       "trainingDataStartTime": "not a date"})], "an unparseable timestamp in --cli-input-json"),
        ("string-number-cij", base("GetTrainingDataset") + ["--cli-input-json", '{"trainingDatasetArn": 12345678901234567890123}'], "a number for a string in --cli-input-json"),
        ("string-list-cij", base("GetTrainingDataset") + ["--cli-input-json", '{"trainingDatasetArn": ["' + ARNS["TrainingDatasetArn"] + '"]}'], "a list for a string in --cli-input-json"),
        ("int-cij-string", base("ListTrainingDatasets") + ["--cli-input-json", '{"maxResults": "5"}'], "a string for an integer in --cli-input-json"),
        ("int-cij-float", base("ListTrainingDatasets") + ["--cli-input-json", '{"maxResults": 5.0}'], "a float for an integer in --cli-input-json"),
        ("int-cij-bool", base("ListTrainingDatasets") + ["--cli-input-json", '{"maxResults": true}'], "a boolean for an integer in --cli-input-json"),
        ("int-ciy-octal", base("ListTrainingDatasets") + ["--cli-input-yaml", "maxResults: 0o17\n"], "a YAML octal for an integer"),
        ("int-ciy-sexagesimal", base("ListTrainingDatasets") + ["--cli-input-yaml", "maxResults: 1:30\n"], "a YAML 1.1 sexagesimal for an integer"),
        ("int-ciy-float", base("ListTrainingDatasets") + ["--cli-input-yaml", "maxResults: 5.0\n"], "a YAML float for an integer"),
        ("int-ciy-bool", base("ListTrainingDatasets") + ["--cli-input-yaml", "maxResults: yes\n"], "YAML 'yes' for an integer"),
        ("double-ciy-int", base("CreateConfiguredModelAlgorithmAssociation") + ["--cli-input-yaml",
            f"membershipIdentifier: {M}\nconfiguredModelAlgorithmArn: {ARNS['ConfiguredModelAlgorithmArn']}\nname: a\nprivacyConfiguration:\n  policies:\n"
            "    trainedModelExports: {maxSize: {unit: GB, value: 5}, filesToExport: [MODEL]}\n"], "a YAML integer for a double (sent as 5)"),
        ("double-json-int", cmaa + ["--privacy-configuration", '{"policies": {"trainedModelExports": {"maxSize": {"unit": "GB", "value": 5}, "filesToExport": ["MODEL"]}}}'],
         "a JSON integer for a double"),
        ("double-json-neg-zero", cmaa + ["--privacy-configuration", '{"policies": {"trainedModelExports": {"maxSize": {"unit": "GB", "value": -0.0}, "filesToExport": ["MODEL"]}}}'],
         "-0.0 for a double (below the minimum)"),
        ("double-json-many-digits", cmaa + ["--privacy-configuration", '{"policies": {"trainedModelExports": {"maxSize": {"unit": "GB", "value": 0.1000000000000000055511151231257827}, "filesToExport": ["MODEL"]}}}'],
         "a double with more digits than a float keeps"),
        ("double-json-exp", cmaa + ["--privacy-configuration", '{"policies": {"trainedModelExports": {"maxSize": {"unit": "GB", "value": 2.5E+1}, "filesToExport": ["MODEL"]}}}'],
         "a double in E notation (sent as 25.0)"),
        ("int-cij-bool-body", base("CreateMLInputChannel") + ["--cli-input-json", json.dumps({"membershipIdentifier": M, "configuredModelAlgorithmAssociations":
            [ARNS["ConfiguredModelAlgorithmAssociationArn"]], "inputChannel": {"dataSource": {"protectedQueryInputParameters": {"sqlParameters": {"queryString": "SELECT 1"}}},
            "roleArn": ARNS["IamRoleArn"]}, "name": "c", "retentionInDays": True})], "a boolean for an integer in the body (True is an int to Python)"),
        ("int-cij-bool-below-min", base("UpdateConfiguredAudienceModel") + ["--cli-input-json", json.dumps({"configuredAudienceModelArn": ARNS["ConfiguredAudienceModelArn"],
            "minMatchingSeedSize": False})], "false for an integer with a minimum of 25"),
        ("double-cij-bool", cmaa + ["--privacy-configuration", '{"policies": {"trainedModelExports": {"maxSize": {"unit": "GB", "value": true}, "filesToExport": ["MODEL"]}}}'],
         "a boolean for a double"),
        ("int-ciy-bool-query", base("ListTrainingDatasets") + ["--cli-input-yaml", "maxResults: true\n"], "a YAML boolean for an integer in the query string"),
        ("list-int-cij-bool", base("UpdateConfiguredAudienceModel") + ["--configured-audience-model-arn", ARNS["ConfiguredAudienceModelArn"], "--audience-size-config",
            '{"audienceSizeType": "ABSOLUTE", "audienceSizeBins": [true, 2]}'], "a boolean in a list of integers"),
    ]
    for tag, argv, note in MORE:
        vec(A, f"ops-more-{tag}", argv, f"More: {note}.")
    vec(A, "ops-esc-membership", base("GetMLConfiguration") + ["--membership-identifier", "1111111/-2222-4333-8444-555555555555"],
        "Escaping: a slash in a 36-character membership id.")


# ---------------------------------------------------------------------------------------------- input
STJ = "start-trained-model-inference-job"
TM = f"arn:aws:cleanrooms-ml:us-east-1:{ACCT}:membership/{M}/trained-model/tm-1"
CH = f"arn:aws:cleanrooms-ml:us-east-1:{ACCT}:membership/{M}/ml-input-channel/ch-1"

def start_argv(**over):
    args = {"--membership-identifier": M, "--name": "job1", "--trained-model-arn": TM, "--resource-config": "instanceType=ml.m5.xlarge",
            "--output-configuration": f"members=[{{accountId={ACCT}}}]", "--data-source": f"mlInputChannelArn={CH}"}
    args.update(over)
    out = ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}"]
    for k, v in args.items():
        if v is None: continue
        out += [k] + (v if isinstance(v, list) else [v])
    return out

JSON_ERRORS = [
    ('{"instanceType": "ml.m5.xlarge",}', "a trailing comma"),
    ("{'instanceType': 'ml.m5.xlarge'}", "single quotes"),
    ('{"instanceType": "ml.m5.xlarge"', "unterminated object"),
    ('{"instanceType": "ml.m5.xlarge"} x', "extra data"),
    ('{"instanceType": "ml.m5.\\xlarge"}', "an invalid escape"),
    ('{"instanceType": "ml.m5.xlarge", "instanceCount": 01}', "a leading zero"),
    ('{"instanceType": "ml.m5.xlarge", "instanceCount": tru}', "a bad literal"),
    ('{"instanceType": "ml.m5\nxlarge"}', "a raw newline inside a string"),
    ('{"instanceType" "ml.m5.xlarge"}', "a missing colon"),
    ('[{"instanceType": "ml.m5.xlarge"}]', "a list for a structure"),
    ('{"instanceType": "ml.m5.xlarge", "instanceCount": NaN}', "NaN for an integer"),
    ('{"instanceType": "ml.m5.xlarge", "instanceCount": 1e400}', "an overflowing float for an integer"),
    ('{"instanceType": "\\ud83d\\ude80"}', "a surrogate pair escape"),
    ('{"instanceType": "ml.m5.xlarge", "instanceType": "ml.m5.4xlarge"}', "a duplicate key (the last wins)"),
    ('{', "a lone brace"),
    ('{"a": [1, 2}', "a mismatched bracket"),
    ('{"instanceType": "ml.m5.xlarge"}\n\n', "trailing newlines"),
    ('{"instanceType": "ml.m5.xlarge", "instanceCount": 2,\n "x": }', "an error on line 2"),
]

def gen_input():
    A = "input"
    for j, (text, note) in enumerate(JSON_ERRORS):
        vec(A, f"json-err-{j:02d}", start_argv(**{"--resource-config": text}), f"JSON for a structure: {note} (Python's json error text).")
    vec(A, "json-err-map", start_argv(**{"--environment": '{"A": "1", }'}), "JSON for a map: a trailing comma.")
    vec(A, "json-err-list-struct", start_argv(**{"--output-configuration": '{"members": [{"accountId": "123456789012"},]}'}), "JSON: a trailing comma in a list.")
    vec(A, "json-err-cij", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", '{"name": "x",}'], "--cli-input-json: invalid JSON.")
    vec(A, "json-err-cij-list", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", '[1, 2]'], "--cli-input-json: a JSON list.")
    vec(A, "json-err-cij-string", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", '"text"'], "--cli-input-json: a JSON string.")
    vec(A, "json-err-cij-null", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", 'null'], "--cli-input-json: null.")
    vec(A, "json-cij-empty-object", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", '{}'], "--cli-input-json: {} leaves every required argument missing.")
    vec(A, "json-cij-nulls", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", json.dumps({
        "membershipIdentifier": M, "name": "j", "trainedModelArn": TM, "resourceConfig": {"instanceType": "ml.m5.xlarge"},
        "outputConfiguration": {"members": [{"accountId": ACCT}]}, "dataSource": {"mlInputChannelArn": CH}, "description": None, "tags": None})],
        "--cli-input-json: null optional members.")
    vec(A, "json-cij-missing-file", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", "file://nope.json"], "--cli-input-json: a missing file.")
    vec(A, "json-cij-with-skeleton", ["cleanroomsml", STJ, "--cli-input-json", '{"name": "x"}', "--generate-cli-skeleton"], "--cli-input-json with --generate-cli-skeleton.")
    vec(A, "json-cij-skel-output", ["cleanroomsml", STJ, "--cli-input-json", json.dumps({"membershipIdentifier": M, "name": "j", "trainedModelArn": TM,
        "resourceConfig": {"instanceType": "ml.m5.xlarge"}, "outputConfiguration": {"members": [{"accountId": ACCT}]}, "dataSource": {"mlInputChannelArn": CH}}),
        "--generate-cli-skeleton", "output"], "--cli-input-json satisfies the required arguments of an output skeleton.")
    vec(A, "json-cij-bad-type", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", json.dumps({
        "membershipIdentifier": M, "name": 5, "trainedModelArn": TM, "resourceConfig": "ml.m5.xlarge",
        "outputConfiguration": {"members": {"accountId": ACCT}}, "dataSource": [CH]})], "--cli-input-json: wrong types everywhere.")
    vec(A, "json-cij-deep-unknown", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", json.dumps({
        "membershipIdentifier": M, "name": "j", "trainedModelArn": TM, "resourceConfig": {"instanceType": "ml.m5.xlarge", "x": {"y": 1}},
        "outputConfiguration": {"members": [{"accountId": ACCT, "role": "r"}]}, "dataSource": {"mlInputChannelArn": CH}, "Name": "upper"})],
        "--cli-input-json: unknown members at several levels, and a key differing only in case.")
    vec(A, "json-cij-unicode-escapes", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", '{"membershipIdentifier": "' + M + '", "name": "\\u00fc\\ud83d\\ude80", "trainedModelArn": "' + TM +
        '", "resourceConfig": {"instanceType": "ml.m5.xlarge"}, "outputConfiguration": {"members": [{"accountId": "' + ACCT + '"}]}, "dataSource": {"mlInputChannelArn": "' + CH + '"}}'],
        "--cli-input-json: \\u escapes with a surrogate pair.")
    # shorthand syntax
    SH = [
        ("instanceType=ml.m5.xlarge,instanceCount=2,", "a trailing comma at the top level"),
        ("instanceType=ml.m5.xlarge,,instanceCount=2", "a doubled comma at the top level"),
        ("instanceType=ml.m5.xlarge instanceCount=2", "a space instead of a comma"),
        ("instanceType = ml.m5.xlarge , instanceCount = 2", "spaces around = and ,"),
        ("instanceType=ml.m5.xlarge,instanceType=ml.m5.4xlarge", "a duplicate key"),
        ("instanceType=\"ml.m5,xlarge\"", "a quoted comma"),
        ("instanceType=ml.m5\\,xlarge", "an escaped comma"),
        ("instanceType='ml.m5.xlarge',instanceCount='2'", "single-quoted values"),
        ("instanceType=\"ml.m5.xlarge", "an unterminated double quote"),
        ("instanceType=ml.m5.xlarge,instanceCount", "a key without ="),
        ("=ml.m5.xlarge", "an empty key"),
        ("instanceType==ml.m5.xlarge", "a doubled ="),
        ("instanceType=a=b", "= inside a value"),
        ("instanceType=", "an empty value"),
        ("instanceType={}", "an empty hash for a string"),
        ("instanceType=[]", "an empty list for a string"),
        ("instanceType=[ml.m5.xlarge]", "a list for a string"),
        ("instanceType=ml.m5.xlarge,instanceCount=2}", "a stray closing brace"),
        ("{instanceType=ml.m5.xlarge}", "braces around the top level"),
        ("instanceType=ml.m5.xlarge\n,instanceCount=2", "a newline before a comma"),
        ("instanceType=ml.m5.xlarge,instanceCount=0x2", "hex for an integer"),
        ("instanceType=ml.m5.xlarge,instanceCount= 2 ", "spaces around an integer"),
        ("instanceType=ml.m5.xlarge,instanceCount=\"2\"", "a quoted integer"),
        ("instanceType=ml.m5.xlarge,instanceCount=2.0", "a decimal for an integer"),
        ("instanceType=ml.m5.xlarge,instanceCount=-1", "a negative integer"),
        ("instanceType=ml.m5.xlarge,instanceCount=", "an empty integer"),
        ("instanceType=ml.m5.xlarge,instance-count=2", "a hyphenated key"),
        ("InstanceType=ml.m5.xlarge", "a capitalised key"),
        ("instanceType=ml.m5.xlarge,#x=1", "a key with #"),
        ("instanceType=ml.m5.xlarge,a.b/c:d=1", "a key with . / :"),
        ("instanceType=é", "a non-ASCII value"),
        ("instanceType=\"a\\\"b\"", "an escaped double quote"),
        ("instanceType='it\\'s'", "an escaped single quote"),
        ("instanceType='a\\\\b'", "an escaped backslash in single quotes"),
        ("instanceType=\"\"", "an empty quoted value"),
        ("  instanceType=ml.m5.xlarge", "leading spaces (JSON is not chosen)"),
        ("instanceType=ml.m5.xlarge   ", "trailing spaces"),
        ("instanceType=ml.m5.xlarge,instanceCount=[1,2]", "a list for an integer"),
        ("instanceType=ml.m5.xlarge,instanceCount=1,2", "a csv list for an integer"),
        ("instanceType=ml.m5.xlarge,instanceCount={a=1}", "a hash for an integer"),
    ]
    for j, (text, note) in enumerate(SH):
        vec(A, f"sh-rc-{j:02d}", start_argv(**{"--resource-config": text}), f"Shorthand for a structure: {note}.")
    SHO = [
        ("members=[{accountId=123456789012},]", "a trailing comma in a list"),
        ("members=[{accountId=123456789012}", "an unterminated list"),
        ("members={accountId=123456789012}", "a hash for a list"),
        ("members=[accountId=123456789012]", "key=value inside a list without braces"),
        ("members=[[{accountId=123456789012}]]", "a nested list"),
        ("members=[{accountId=123456789012,accountId=210987654321}]", "a duplicate key inside a hash"),
        ("members=[{accountId=123456789012} {accountId=210987654321}]", "two hashes separated by a space"),
        ("members=[],accept=text/csv", "an empty list and a value"),
        ("accept=text/csv;charset=utf-8,members=[{accountId=123456789012}]", "a value with ; and ="),
        ("members=[{accountId=\"123456789012\"}],accept=\"a,b\"", "quoted values"),
        ("members=[{accountId=123456789012}],accept='", "an unterminated single quote"),
        ("members=[{accountId=123456789012}],accept=[text/csv,application/json]", "a list for a string"),
        ("members=[{accountId@=file://acct.txt}]", "@= with file:// inside a hash"),
        ("members=[{accountId=123456789012}],accept@=file://accept.txt", "@= with file:// at the top level"),
        ("members=[{accountId=123456789012}],accept@=file://missing.txt", "@= with a missing file"),
        ("members=[{accountId=123456789012}],accept@=fileb://accept.txt", "@= with fileb://"),
        ("members=[{accountId=123456789012}],accept@=plain", "@= with a plain value"),
        ("members=[{accountId=123456789012}],accept@=\"file://accept.txt\"", "@= with a quoted file://"),
        ("members=[{accountId=123456789012}],accept=file://accept.txt", "plain = does not read the file"),
        ("members=[{accountId=123456789012}],accept @= file://accept.txt", "spaces around @="),
        ("members=[{accountId=123456789012}],accept@=file://sub dir/accept.txt", "@= with a path containing a space"),
        ("members=[{accountId=123456789012}],accept@=file://", "@= with an empty file:// path"),
        ("members=[{accountId=123456789012}],accept@=file://~/home.txt", "@= with ~ in the path"),
    ]
    files = {"work/acct.txt": "210987654321", "work/accept.txt": "application/json\n", "work/sub dir/accept.txt": "text/plain", "home/home.txt": "from-home"}
    for j, (text, note) in enumerate(SHO):
        vec(A, f"sh-oc-{j:02d}", start_argv(**{"--output-configuration": text}), f"Shorthand: {note}.", files=files)
    # maps in shorthand
    SHM = [
        ("A=1,B=2", "plain pairs"), ("A=1,B", "a key without ="), ("A=\"x,y\",B='z'", "quoted values"), ("A=[1,2]", "a list value"),
        ("A={B=1}", "a hash value"), ("A=1,A=2", "a duplicate key"), ("LOG_LEVEL=debug info", "a space inside a value"),
        ("A=", "an empty value"), ("A=x=y", "= inside a value"), ("_A1=1,a_b=2", "underscored keys"), ("1A=x", "a key starting with a digit"),
        ("A.B=1", "a dotted key"), ("A-B=1", "a hyphenated key"),
    ]
    for j, (text, note) in enumerate(SHM):
        vec(A, f"sh-env-{j:02d}", start_argv(**{"--environment": text}), f"Shorthand for a map: {note}.")
    # file:// and fileb://
    vec(A, "file-struct-fileb", start_argv(**{"--resource-config": "fileb://rc.json"}), "fileb:// for a structure parameter.",
        files={"work/rc.json": '{"instanceType": "ml.m5.xlarge"}'})
    vec(A, "file-map-fileb", start_argv(**{"--environment": "fileb://env.json"}), "fileb:// for a map parameter.", files={"work/env.json": '{"A": "1"}'})
    vec(A, "file-list-struct-fileb", base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
        ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10", "--data-channels", "fileb://dc.json"],
        "fileb:// for a list of structures.", files={"work/dc.json": json.dumps([{"mlInputChannelArn": CH, "channelName": "train"}])})
    vec(A, "file-string-fileb", start_argv(**{"--name": "fileb://name.txt"}), "fileb:// for a string parameter.", files={"work/name.txt": "from-fileb"})
    vec(A, "file-string-fileb-utf8", start_argv(**{"--description": "fileb://d.txt"}), "fileb:// for a string parameter, non-ASCII bytes.", files={"work/d.txt": "ünï ✓"})
    vec(A, "file-int-file", ["cleanroomsml", "list-trained-model-inference-jobs", "--endpoint-url", "{{ENDPOINT}}", "--membership-identifier", M,
                             "--max-results", "file://n.txt"], "file:// for an integer parameter.", files={"work/n.txt": "3\n"})
    vec(A, "file-struct-shorthand-file", start_argv(**{"--resource-config": "file://rc.txt"}), "file:// holding shorthand for a structure.",
        files={"work/rc.txt": "instanceType=ml.m5.xlarge,instanceCount=2\n"})
    vec(A, "file-struct-yaml-file", start_argv(**{"--resource-config": "file://rc.yaml"}), "file:// holding YAML (not JSON) for a structure.",
        files={"work/rc.yaml": "instanceType: ml.m5.xlarge\n"})
    vec(A, "file-missing-fileb", start_argv(**{"--name": "fileb://missing.bin"}), "fileb:// naming a missing file.")
    vec(A, "file-directory", start_argv(**{"--resource-config": "file://."}), "file:// naming a directory.")
    vec(A, "file-home-tilde", start_argv(**{"--resource-config": "file://~/rc.json"}), "file://~/ expands the home folder.",
        files={"home/rc.json": '{"instanceType": "ml.m5.xlarge"}'})
    vec(A, "file-absolute", start_argv(**{"--resource-config": "file://{{TMP}}/abs/rc.json"}), "file:// with an absolute path.",
        files={"abs/rc.json": '{"instanceType": "ml.m5.xlarge"}'})
    vec(A, "file-json-error-trailing-newline", start_argv(**{"--resource-config": "file://rc.json"}), "file:// with invalid JSON and a trailing newline (the error is stripped).",
        files={"work/rc.json": '{"instanceType": "ml.m5.xlarge",}\n'})
    vec(A, "file-shorthand-error-trailing-newlines", start_argv(**{"--environment": "file://env.txt"}), "file:// with bad shorthand and trailing newlines.",
        files={"work/env.txt": "A=1,,=\n\n"})
    vec(A, "file-empty", start_argv(**{"--resource-config": "file://empty.json"}), "file:// naming an empty file.", files={"work/empty.json": ""})
    vec(A, "file-latin1", start_argv(**{"--description": "file://l1.txt"}), "file:// with bytes that are not UTF-8.",
        files_b64={"work/l1.txt": base64.b64encode("caf\xe9".encode("latin-1")).decode()})
    vec(A, "file-uppercase-prefix", start_argv(**{"--name": "FILE://name.txt"}), "An upper-case FILE:// prefix is a literal.", files={"work/name.txt": "x"})
    vec(A, "file-list-scalars-fileb", base("UntagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tag-keys", "fileb://k.txt"],
        "fileb:// for a list of strings.", files={"work/k.txt": "ab"})
    vec(A, "file-cij-yaml-file-json", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--cli-input-yaml", "file://in.json"],
        "--cli-input-yaml reading a JSON file (JSON is YAML).", files={"work/in.json": json.dumps({"membershipIdentifier": M, "name": "j", "trainedModelArn": TM,
        "resourceConfig": {"instanceType": "ml.m5.xlarge"}, "outputConfiguration": {"members": [{"accountId": ACCT}]}, "dataSource": {"mlInputChannelArn": CH}})})
    # YAML input
    YI = [
        ("name: [unclosed", "invalid YAML"), ("- a\n- b\n", "a YAML list"), ("just text\n", "a YAML scalar"), ("", "an empty document"),
        ("name: j\n---\nname: k\n", "two documents"), ("name: !!binary aGk=\n", "a binary tag"), ("name: 123\n", "an integer for a string"),
        ("name: null\n", "null for a required string"), ("name: j\ntags: {a: 1, b: true, c: null}\n", "non-string map values"),
        ("name: j\nname: k\n", "a duplicate key"), ("? [a, b]\n: c\n", "a complex key"), ("name: 2024-01-01\n", "a date for a string"),
        ("name: 'j'\ndescription: |\n  line one\n  line two\n", "a literal block"), ("name: j\t\n", "a tab"),
        ("name: &n j\ndescription: *n\n", "an anchor and an alias"), ("name: 0o17\n", "a YAML 1.2 octal for a string"),
        ("name: 1_000\n", "an underscored number"), ("name: ~\n", "a tilde null"), ("%YAML 1.1\n---\nname: j\n", "a YAML directive"),
        ("name: \"\\u00fc\\U0001F680\"\n", "escapes in a double-quoted string"),
    ]
    for j, (text, note) in enumerate(YI):
        full = text if "membershipIdentifier" in text else text
        vec(A, f"yaml-in-{j:02d}", ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--membership-identifier", M, "--trained-model-arn", TM,
                                    "--resource-config", "instanceType=ml.m5.xlarge", "--output-configuration", f"members=[{{accountId={ACCT}}}]",
                                    "--data-source", f"mlInputChannelArn={CH}", "--cli-input-yaml", full],
            f"--cli-input-yaml: {note}.")
    # argument parsing
    ARGS = [
        (start_argv(**{"--name": ["job1", "job2"]}), "two values for a scalar argument"),
        (start_argv() + ["--name", "job2"], "an argument given twice (the last wins)"),
        (start_argv(**{"--name": "--weird"}), "a value starting with --"),
        (start_argv(**{"--name": "-x"}), "a value starting with -"),
        (start_argv(**{"--name": None}) + ["--name=job-eq"], "--name=value form"),
        (start_argv(**{"--name": None}) + ["--name="], "--name= with an empty value"),
        (start_argv(**{"--name": None}) + ["--name"], "--name without a value at the end"),
        (start_argv() + ["--NAME", "x"], "an upper-case option"),
        (start_argv() + ["-n", "x"], "a short option"),
        (start_argv() + ["--output", "json", "--output", "text"], "--output given twice"),
        (start_argv() + ["--generate-cli-skeleton", "input", "--cli-input-json", "{}"], "skeleton and input together"),
        (["cleanroomsml", STJ, "--generate-cli-skeleton", "--name", "x"], "--generate-cli-skeleton followed by an option"),
        (["cleanroomsml", STJ, "--generate-cli-skeleton", "input", "extra"], "a positional after the skeleton"),
        (["cleanroomsml", "--generate-cli-skeleton"], "--generate-cli-skeleton without an operation"),
        (["cleanroomsml", "list-trained-model-inference-job"], "an operation name missing its s"),
        (["cleanroomsml", "get-trained-model-inference-jobs"], "a plural operation name"),
        (["cleanroomsml", "list"], "a prefix of many operations"),
        (["cleanroomsml", "delete-ml-input-channel"], "a near miss of delete-ml-input-channel-data"),
        (["cleanroomsml", "tag-resources"], "a near miss of tag-resource"),
        (["cleanroom", "list-training-datasets"], "a near miss of the service name"),
        (["cleanroomsml", "list-training-datasets", "extra"], "a positional for an operation without required args"),
        (["--endpoint-url", "{{ENDPOINT}}", "cleanroomsml", "list-training-datasets", "--max-items", "1"], "a global option before the service"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url={{ENDPOINT}}", "--output=text"], "global options with ="),
        (["cleanroomsml", "list-training-datasets", "--endpoint", "{{ENDPOINT}}"], "a prefix of --endpoint-url"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--out", "text"], "a prefix of --output"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--max", "1"], "an ambiguous prefix (--max-items/--max-results)"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--page", "1"], "a prefix of --page-size"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--no-pag"], "a prefix of --no-paginate"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--quer", "trainingDatasets"], "a prefix of --query"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--output", "TEXT"], "an upper-case --output"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--output", "yml"], "an invalid --output"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--color", "ON"], "an upper-case --color"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-error-format", "xml"], "an invalid --cli-error-format"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-read-timeout", "-1"], "a negative read timeout"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-read-timeout", "1.5"], "a fractional read timeout"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-binary-format", "raw-in-base64-out"], "--cli-binary-format"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--no-cli-pager"], "--no-cli-pager"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--no-cli-auto-prompt"], "--no-cli-auto-prompt"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--no-verify-ssl"], "--no-verify-ssl on http"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--ca-bundle", "/nonexistent.pem"], "--ca-bundle on http"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--", "x"], "-- then a positional"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--max-items", "1", "--max-items", "2"], "--max-items twice"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--max-items"], "--max-items without a value"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--starting-token"], "--starting-token without a value"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--query"], "--query without a value"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url"], "--endpoint-url without a value"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--region"], "--region without a value"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--profile"], "--profile without a value"),
        (["cleanroomsml", "untag-resource", "--endpoint-url", "{{ENDPOINT}}", "--resource-arn", ARNS["TaggableArn"], "--tag-keys"], "a list argument without values"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--prof", "nope"], "an abbreviated --profile (the first-pass parser takes it)"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--debug=yes"], "--debug with an explicit value"),
        (["--profile", "cleanroomsml", "list-training-datasets"], "--profile swallowing the service name"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--profile", "--debug"], "--profile followed by --debug"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-read-timeout", "0", "--max-items", "1"], "a read timeout of 0 (no timeout)"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-connect-timeout", "-5"], "a negative connect timeout"),
        (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-connect-timeout", "0"], "a connect timeout of 0 (no timeout)"),
        (["cleanroomsml", "untag-resource", "--endpoint-url", "{{ENDPOINT}}", "--tag-keys", "a", "--resource-arn", ARNS["TaggableArn"], "--tag-keys", "b"], "a list argument twice"),
    ]
    for j, (argv, note) in enumerate(ARGS):
        vec(A, f"arg-x-{j:02d}", argv, f"Argument parsing: {note}.")
    vec(A, "arg-first-pass-p", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--p", "nope"],
        "Argument parsing: --p is --profile to the first-pass parser, ambiguous to the operation's.")
    # stdin
    vec(A, "stdin-cij", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", "file:///dev/stdin"],
        "--cli-input-json read from stdin through file:///dev/stdin.", stdin='{"maxResults": 3}\n')
    vec(A, "stdin-tags", base("TagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tags", "file:///dev/stdin"],
        "A map parameter read from stdin through file:///dev/stdin.", stdin='{"team": "ml", "stage": "dev"}')
    vec(A, "stdin-ciy-fileb", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-input-yaml", "fileb:///dev/stdin"],
        "--cli-input-yaml read as bytes from stdin.", stdin="maxResults: 4\n")
    vec(A, "stdin-cij-twin", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json", "file://in.json"],
        "stdin-cij's input from a regular file (its expectation is stdin-cij's clone_expect).", files={"work/in.json": '{"maxResults": 3}\n'})
    vec(A, "stdin-ciy-fileb-twin", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--cli-input-yaml", "fileb://in.yaml"],
        "stdin-ciy-fileb's input from a regular file (its expectation is stdin-ciy-fileb's clone_expect).", files={"work/in.yaml": "maxResults: 4\n"})


# ---------------------------------------------------------------------------------------------- output
M1 = "11111111-1111-4111-8111-111111111111"
def job_arn(key): return f"arn:aws:cleanrooms-ml:us-east-1:{ACCT}:membership/{M1}/trained-model-inference-job/{key}"
def get_argv(key="job-abc", mem=M1): return ["cleanroomsml", "get-trained-model-inference-job", "--endpoint-url", "{{ENDPOINT}}", "--membership-identifier", mem,
                                             "--trained-model-inference-job-arn", job_arn(key)]
def list_argv(mem): return ["cleanroomsml", "list-trained-model-inference-jobs", "--endpoint-url", "{{ENDPOINT}}", "--membership-identifier", mem]
def cancel_argv(key="job-abc"): return ["cleanroomsml", "cancel-trained-model-inference-job", "--endpoint-url", "{{ENDPOINT}}", "--membership-identifier", M1,
                                        "--trained-model-inference-job-arn", job_arn(key)]
def start2(name="nightly-run"): return ["cleanroomsml", STJ, "--endpoint-url", "{{ENDPOINT}}", "--membership-identifier", M1, "--name", name, "--trained-model-arn", TM,
                                       "--resource-config", "instanceType=ml.m5.xlarge", "--output-configuration", f"members=[{{accountId={ACCT}}}]",
                                       "--data-source", f"mlInputChannelArn={CH}"]
FORMATS = ["json", "text", "table", "yaml", "yaml-stream"]
SHAPE_KEYS = ["job-abc", "shape-minimal", "shape-empty", "shape-nulls", "shape-long", "shape-yaml", "shape-wide", "shape-ts-epoch", "shape-ts-offset",
              "shape-ts-frac", "shape-numbers", "shape-floatint", "shape-members", "shape-multiline"]
LISTS = {"paged": "a0000000-0000-4000-8000-000000000000", "hetero": "b0000000-0000-4000-8000-000000000000", "same": "c0000000-0000-4000-8000-000000000000",
         "gap": "d0000000-0000-4000-8000-000000000000", "empty": "e0000000-0000-4000-8000-000000000000", "fail2": "f0000000-0000-4000-8000-000000000000",
         "plain": M1}
QUERIES = [
    ("name", "a string"), ("resourceConfig.instanceCount", "an integer"), ("containerExecutionParameters", "an object"),
    ("outputConfiguration.members[0].accountId", "a nested string"), ("[name, status]", "a list of strings"), ("{n: name, c: resourceConfig.instanceCount}", "a multiselect hash"),
    ("environment", "a map"), ("length(environment)", "a function result"), ("keys(tags)", "keys()"), ("`true`", "a boolean literal"), ("`null`", "a null literal"),
    ("`1.5`", "a float literal"), ("createTime", "a timestamp"), ("tags.\"cost-center\"", "a quoted key"), ("nosuch", "a missing key"),
    ("outputConfiguration.members[*].accountId | [0]", "a pipe"), ("to_string(resourceConfig)", "to_string of an object"),
    ("description", "a unicode string"), ("statusDetails.message", "a string with a tab and pipe"), ("`\"\"`", "an empty string literal"),
    ("`[]`", "an empty list literal"), ("`{}`", "an empty object literal"), ("[`1`, `\"a\"`, `null`, `false`]", "a mixed list"),
]
LQUERIES = [
    ("trainedModelInferenceJobs[].name", "names"), ("trainedModelInferenceJobs[?status=='ACTIVE'].trainedModelInferenceJobArn", "a filter"),
    ("length(trainedModelInferenceJobs)", "a count"), ("trainedModelInferenceJobs[0]", "the first item"), ("sort_by(trainedModelInferenceJobs, &name)[-1].name", "sort_by"),
    ("trainedModelInferenceJobs[].[name, status, createTime]", "rows"), ("trainedModelInferenceJobs[].{Name: name, Members: outputConfiguration.members[].accountId}", "hashes with lists"),
    ("NextToken", "NextToken"), ("max_by(trainedModelInferenceJobs, &createTime).name", "max_by"), ("trainedModelInferenceJobs[*].outputConfiguration", "objects"),
]

def gen_output():
    A = "output"
    for key in SHAPE_KEYS:
        for fmt in FORMATS:
            if key == "job-abc" and fmt in ("yaml",): continue  # public fmt-get-yaml
            vec(A, f"fmt-get-{key}-{fmt}", get_argv(key) + ["--output", fmt], f"get with the mock's {key} response as {fmt}.")
    for name, mem in LISTS.items():
        for fmt in FORMATS:
            vec(A, f"fmt-list-{name}-{fmt}", list_argv(mem) + ["--output", fmt], f"list ({name}) as {fmt}.")
    for fmt in FORMATS:
        vec(A, f"fmt-start-{fmt}", start2() + ["--output", fmt], f"start response as {fmt}.")
        vec(A, f"fmt-start-extra-{fmt}", start2("shape-extra") + ["--output", fmt], f"start with unmodeled response fields as {fmt}.")
        vec(A, f"fmt-cancel-{fmt}", cancel_argv() + ["--output", fmt], f"cancel (empty response) as {fmt}.")
        vec(A, f"fmt-cancel-query-{fmt}", cancel_argv() + ["--output", fmt, "--query", "x"], f"cancel (empty response) with a --query as {fmt}.")
        vec(A, f"fmt-cancel-query-at-{fmt}", cancel_argv() + ["--output", fmt, "--query", "@"], f"cancel (empty response) with --query @ as {fmt}.")
    for j, (q, note) in enumerate(QUERIES):
        for fmt in FORMATS:
            if (j + FORMATS.index(fmt)) % 2 and fmt not in ("yaml",): continue
            vec(A, f"query-get-{j:02d}-{fmt}", get_argv() + ["--output", fmt, "--query", q], f"--query {note} ({q}) as {fmt}.")
    for j, (q, note) in enumerate(LQUERIES):
        for fmt in FORMATS:
            vec(A, f"query-list-{j:02d}-{fmt}", list_argv(LISTS["paged"]) + ["--output", fmt, "--query", q], f"--query {note} on a paged list as {fmt}.")
    # pagination output
    for fmt in FORMATS:
        for extra, tag in ((["--max-items", "3"], "mi3"), (["--page-size", "1", "--max-items", "2"], "ps1mi2"), (["--page-size", "4"], "ps4"),
                           (["--no-paginate"], "nopag"), (["--max-items", "5"], "mi5"), (["--max-items", "1", "--query", "trainedModelInferenceJobs[].name"], "mi1q")):
            vec(A, f"page-{tag}-{fmt}", list_argv(LISTS["paged"]) + extra + ["--output", fmt], f"Pagination output ({' '.join(extra)}) as {fmt}.")
        vec(A, f"page-gap-mi2-{fmt}", list_argv(LISTS["gap"]) + ["--max-items", "2", "--output", fmt], f"an empty middle page with --max-items 2 as {fmt}.")
        vec(A, f"page-big-mi250-{fmt}", list_argv("90000000-0000-4000-8000-000000000000") + ["--max-items", "3", "--page-size", "2", "--query", "trainedModelInferenceJobs[].name", "--output", fmt],
            f"three items across two pages as {fmt}.")
    # colour
    for fmt in FORMATS:
        for col in ("on", "off", "auto"):
            vec(A, f"color-{col}-{fmt}", get_argv("shape-members") + ["--output", fmt, "--color", col], f"--color {col} with {fmt}.")
    vec(A, "color-on-table-list", list_argv(LISTS["hetero"]) + ["--output", "table", "--color", "on"], "--color on with a table of heterogeneous rows.")
    vec(A, "color-on-table-wide", get_argv("shape-wide") + ["--output", "table", "--color", "on"], "--color on with wide characters.")
    # errors and error formats
    for code in ("ValidationException-400", "AccessDeniedException-403", "ResourceNotFoundException-404", "ConflictException-409",
                 "ServiceQuotaExceededException-402", "InternalServerException-500", "ThrottlingException-429"):
        for efmt in ("json", "yaml", "text", "table", "legacy", "yaml-stream", "enhanced"):
            if efmt not in ("json", "table") and code not in ("ServiceQuotaExceededException-402", "ValidationException-400"): continue
            vec(A, f"err-{code.split('-')[0]}-{efmt}", get_argv("force-" + code) + ["--cli-error-format", efmt],
                f"the service error {code} with --cli-error-format {efmt}.", env={"AWS_MAX_ATTEMPTS": "1"})
    for efmt in ("json", "yaml", "text", "table", "legacy"):
        vec(A, f"err-color-on-{efmt}", get_argv("force-ServiceQuotaExceededException-402") + ["--cli-error-format", efmt, "--color", "on"],
            f"--cli-error-format {efmt} with --color on.")
        vec(A, f"err-client-{efmt}", get_argv() + ["--region", "us east", "--cli-error-format", efmt], f"a client-side error with --cli-error-format {efmt}.")
        vec(A, f"err-param-{efmt}", start2() + ["--resource-config", "instanceType=ml.m5.xlarge,instanceCount=0", "--cli-error-format", efmt],
            f"a parameter validation error with --cli-error-format {efmt}.")
        vec(A, f"err-output-{efmt}", get_argv("force-AccessDeniedException-403") + ["--output", efmt if efmt != "legacy" else "yaml-stream"],
            f"--output {efmt} does not change the error format.")
    vec(A, "err-format-env-table", get_argv("force-ValidationException-400"), "AWS_CLI_ERROR_FORMAT=table.", env={"AWS_CLI_ERROR_FORMAT": "table"})
    vec(A, "err-format-config", get_argv("force-ValidationException-400"), "cli_error_format = yaml in the config file.",
        files={"home/.aws/config": "[default]\ncli_error_format = yaml\n"})
    vec(A, "err-format-env-bad", get_argv("force-ValidationException-400"), "an invalid AWS_CLI_ERROR_FORMAT.", env={"AWS_CLI_ERROR_FORMAT": "xml"})
    vec(A, "err-query-on-error", get_argv("force-ValidationException-400") + ["--cli-error-format", "json", "--query", "Code"], "--query is not applied to an error document.")
    FAULTS = ["force-nomsg-ValidationException-400", "force-bodycode-ConflictException-409", "force-type-ResourceNotFoundException-404",
              "force-Message-AccessDeniedException-403", "force-empty-body-400", "force-empty-body-500", "force-retryafter-ThrottlingException-429",
              "force-garbage", "force-flaky-2-out", "force-flaky-3-out", "force-UnknownThingException-418", "force-empty-body-404", "force-nomsg-InternalServerException-500"]
    for j, f in enumerate(FAULTS):
        vec(A, f"err-fault-{f[6:]}", get_argv(f), f"the mock's fault {f}.")
        vec(A, f"err-fault-{f[6:]}-json", get_argv(f.replace("out", "outj")) + ["--cli-error-format", "json"], f"the mock's fault {f} with --cli-error-format json.")
    vec(A, "err-list-page1-fault", list_argv(M1) + ["--trained-model-arn", TM.rsplit("/", 1)[0] + "/force-ThrottlingException-429"], "a throttled list: 3 attempts then rc 254.",
        env={"AWS_RETRY_MODE": "standard"})
    vec(A, "err-cancel-conflict-yaml", cancel_argv("force-ConflictException-409") + ["--output", "yaml"], "cancel failing, yaml output chosen.")
    # YAML output of scalars, special outputs
    vec(A, "fmt-yaml-stream-query-scalar", list_argv(LISTS["paged"]) + ["--output", "yaml-stream", "--query", "length(trainedModelInferenceJobs)"], "yaml-stream with a scalar query per page.")
    vec(A, "fmt-text-query-nested-lists", get_argv() + ["--output", "text", "--query", "[[name, [status, [description]]], `[]`, environment]"], "text of nested lists.")
    vec(A, "fmt-table-query-list-of-lists", list_argv(LISTS["paged"]) + ["--output", "table", "--query", "trainedModelInferenceJobs[].[name, status]"], "a table of rows.")
    vec(A, "fmt-table-query-scalar", get_argv() + ["--output", "table", "--query", "name"], "a table of one string.")
    vec(A, "fmt-table-query-number", get_argv() + ["--output", "table", "--query", "resourceConfig.instanceCount"], "a table of one number.")
    vec(A, "fmt-table-query-bool", get_argv() + ["--output", "table", "--query", "`false`"], "a table of false.")
    vec(A, "fmt-json-query-float", get_argv("shape-floatint") + ["--query", "resourceConfig"], "floats in a response.")
    vec(A, "fmt-env-output-yaml", get_argv(), "AWS_DEFAULT_OUTPUT=yaml.", env={"AWS_DEFAULT_OUTPUT": "yaml"})
    vec(A, "fmt-config-output-table", get_argv(), "output = table in the config.", files={"home/.aws/config": "[default]\noutput = table\n"})
    vec(A, "fmt-config-output-bad", get_argv(), "output = xml in the config.", files={"home/.aws/config": "[default]\noutput = xml\n"})
    vec(A, "fmt-config-ts-wire", get_argv("shape-ts-offset"), "cli_timestamp_format = wire.", files={"home/.aws/config": "[default]\ncli_timestamp_format = wire\n"})
    vec(A, "fmt-config-ts-wire-epoch", get_argv("shape-ts-epoch") + ["--output", "text"], "cli_timestamp_format = wire with epoch timestamps.",
        files={"home/.aws/config": "[default]\ncli_timestamp_format = wire\n"})
    vec(A, "fmt-config-ts-bogus", get_argv(), "cli_timestamp_format = bogus.", files={"home/.aws/config": "[default]\ncli_timestamp_format = bogus\n"})
    vec(A, "fmt-pager-config", get_argv() + ["--query", "name"], "cli_pager = cat in the config (AWS_PAGER unset).", unset=["AWS_PAGER"],
        files={"home/.aws/config": "[default]\ncli_pager = cat\n"})
    vec(A, "fmt-pager-env-cat", get_argv() + ["--query", "name"], "AWS_PAGER=cat.", env={"AWS_PAGER": "cat"})
    # JMESPath: functions, types, errors (the clone has its own implementation)
    JP = ["abs(resourceConfig.instanceCount)", "avg([`1`, `2`, `4`])", "ceil(`1.5`)", "floor(`-1.5`)", "contains(name, 'job')", "contains(keys(tags), 'team')",
          "ends_with(name, '0')", "starts_with(name, 'job')", "join(', ', keys(environment))", "keys(@) | length(@)", "length(description)", "length(`\"\u00fc\u2713\"`)",
          "map(&length(@), keys(environment))", "max([`1`, `3`, `2`])", "max_by(outputConfiguration.members, &accountId)", "merge(tags, environment)",
          "min(keys(tags))", "not_null(nosuch, `null`, name)", "reverse(name)", "reverse(keys(tags))", "sort(values(tags))", "sort_by(outputConfiguration.members, &accountId)",
          "sum([`1.5`, `2`])", "to_array(name)", "to_number('12.50')", "to_number('abc')", "to_number(`true`)", "to_string(`1.0`)", "to_string(`[1, 2.5]`)", "type(@)",
          "type(resourceConfig.instanceCount)", "values(environment)", "length(`1`)", "abs('x')", "nosuchfn(@)", "sum(keys(tags))", "max(keys(@))",
          "sort([`1`, 'a'])", "join(',', [`1`])", "avg(`[]`)", "max(`[]`)", "[name, status][?@ == 'ACTIVE']", "environment.*", "*.instanceType", "tags.[team]",
          "outputConfiguration.members[].accountId | [0]", "[0]", "name[0]", "@[0]", "outputConfiguration.members[-1]", "outputConfiguration.members[::-1]",
          "outputConfiguration.members[1:]", "outputConfiguration.members[:0:-1]", "outputConfiguration.members[::0]", "`1` < `2`", "name < status", "`\"a\"` < `\"b\"`",
          "resourceConfig.instanceCount > `0.5`", "!name", "!nosuch", "name && status", "nosuch || 'default'", "&name", "name.`1`", "[?name]", "{a: name}.a",
          "'lit' == 'lit'", "`{\"a\": 1}`.a", "\"quoted-id\"", "\"\\u00fc\"", "environment.\"LOG_LEVEL\"", "foo.bar.baz", "[*]", "{}", "[", "a..b", "a.[", "`invalid",
          "'unterminated", "name | upper(@)", "@.@", "length(@)", "keys(name)", "length(nosuch)", "to_string(nosuch)", "outputConfiguration.members[?accountId > `1`]",
          "outputConfiguration.members[?to_number(accountId) > `1`].accountId", "createTime < updateTime", "max_by(outputConfiguration.members, &to_number(accountId)).accountId",
          "sort_by(outputConfiguration.members, &nosuch)", "map(&nosuch, outputConfiguration.members)", "[[`1`, `2`], [`3`]][]", "[[`1`, [`2`]]][][]", "`1e2`", "`-0.0`", "`1.10`",
          "`12345678901234567890`", "to_number('1e400')", "to_number('-0')", "`\"\\ud83d\\ude80\"`"]
    for j, q in enumerate(JP):
        vec(A, f"query-jp-{j:03d}", get_argv("shape-members") + ["--query", q] + (["--output", ["json", "text", "yaml"][j % 3]] if j % 4 else []),
            f"JMESPath: {q}")
    vec(A, "fmt-pager-missing", get_argv() + ["--query", "name"], "AWS_PAGER naming a missing program.", env={"AWS_PAGER": "no-such-pager-xyz"})


# ---------------------------------------------------------------------------------------------- rel: hostile keys, credential_process
HOSTILE = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__",
           "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "prototype", "length", "then"]

def gen_rel():
    A = "rel"
    for k in HOSTILE:
        kk = k.strip("_").lower()
        vec(A, f"rel-hk-sh-struct-{kk}", start_argv(**{"--resource-config": f"instanceType=ml.m5.xlarge,{k}=1"}), f"shorthand: {k} as a structure key is unknown.")
        vec(A, f"rel-hk-json-struct-{kk}", start_argv(**{"--data-source": json.dumps({"mlInputChannelArn": CH, k: {"x": 1}})}), f"JSON: {k} as a structure key is unknown.")
        vec(A, f"rel-hk-sh-map-{kk}", start_argv(**{"--environment": f"{k}=v,B=2"}), f"shorthand: {k} as a map key is sent.")
        vec(A, f"rel-hk-json-tags-{kk}", base("TagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tags", json.dumps({k: "v", "team": "ml"})], f"JSON tags: {k} is sent.")
        vec(A, f"rel-hk-cij-top-{kk}", ["cleanroomsml", "get-training-dataset", "--endpoint-url", "{{ENDPOINT}}", "--cli-input-json",
                                       json.dumps({"trainingDatasetArn": ARNS["TrainingDatasetArn"], k: 1})], f"--cli-input-json: {k} at the top level is unknown.")
        vec(A, f"rel-hk-ciy-map-{kk}", base("TagResource") + ["--cli-input-yaml", f"resourceArn: {ARNS['TaggableArn']}\ntags:\n  {k}: x\n  other: y\n"], f"--cli-input-yaml: {k} as a tag key is sent.")
    for k in ("__proto__", "constructor", "toString"):
        kk = k.strip("_").lower()
        vec(A, f"rel-hk-ciy-top-{kk}", ["cleanroomsml", "get-training-dataset", "--endpoint-url", "{{ENDPOINT}}", "--cli-input-yaml",
                                       f"trainingDatasetArn: {ARNS['TrainingDatasetArn']}\n{k}: 1\n"], f"--cli-input-yaml: {k} at the top level is unknown.")
        vec(A, f"rel-hk-sh-nested-{kk}", start_argv(**{"--output-configuration": f"members=[{{accountId={ACCT},{k}=x}}]"}), f"shorthand: {k} inside a list item.")
        vec(A, f"rel-hk-json-nested-map-{kk}", base("CreateTrainedModel") + ["--membership-identifier", M, "--name", "m", "--configured-model-algorithm-association-arn",
            ARNS["ConfiguredModelAlgorithmAssociationArn"], "--resource-config", "instanceType=ml.m5.xlarge,volumeSizeInGB=10",
            "--data-channels", f"mlInputChannelArn={CH},channelName=train", "--hyperparameters", json.dumps({k: "1", "valueOf": "2"})], f"JSON map {k} in hyperparameters.")
        vec(A, f"rel-hk-query-{kk}", get_argv() + ["--query", f"{k}"], f"--query of a key named {k}.")
        vec(A, f"rel-hk-query-tags-{kk}", get_argv() + ["--query", f"tags.{k}"], f"--query of tags.{k}.")
        vec(A, f"rel-hk-sh-proto-json-value-{kk}", start_argv(**{"--environment": json.dumps({k: {"polluted": "yes"}})}), f"JSON: an object value for {k} in a map of strings.")
        vec(A, f"rel-hk-skel-{kk}", ["cleanroomsml", "get-training-dataset", "--cli-input-json", json.dumps({k: 1}), "--generate-cli-skeleton"],
            f"skeleton with {k} in --cli-input-json.")
    vec(A, "rel-hk-dup-proto-json", start_argv(**{"--environment": '{"__proto__": "a", "__proto__": "b"}'}), "JSON: __proto__ twice (the last wins).")
    vec(A, "rel-hk-yaml-merge-proto", base("TagResource") + ["--cli-input-yaml", f"resourceArn: {ARNS['TaggableArn']}\ntags:\n  <<: {{__proto__: x}}\n  a: b\n"],
        "--cli-input-yaml: a merge key bringing __proto__.")
    vec(A, "rel-hk-sh-list-index", start_argv(**{"--environment": "0=a,1=b,length=2"}), "shorthand map keys that look like array indices.")
    # credential_process
    def cp(id, script, note, extra_cfg="", argv=None, env=None, unset=("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), cmd="sh {{TMP}}/proc.sh"):
        files = {"home/.aws/config": f"[default]\ncredential_process = {cmd}\n{extra_cfg}", "proc.sh": "#!/bin/sh\n" + script}
        kw = {"unset": list(unset), "files": files}
        if env: kw["env"] = env
        vec(A, f"rel-credproc-{id}", argv or (["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}"]), f"credential_process: {note}", **kw)
    good = '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SessionToken": "PROCTOKEN", "Expiration": "2099-01-01T00:00:00Z"}'
    cp("ok", f"echo '{good}'\n", "valid credentials with a session token sign the request.")
    cp("ok-no-expiry", """echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}'\n""", "valid credentials without a session token or expiration.")
    cp("exit1", "echo 'boom: not allowed' >&2\nexit 1\n", "a failing process: its stderr is reported.")
    cp("exit1-silent", "exit 3\n", "a failing process with no stderr.")
    cp("exit1-stdout", "echo 'partial output'\nexit 2\n", "a failing process with stdout only.")
    cp("empty", "true\n", "no output at all.")
    cp("version2", """echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "B"}'\n""", "an unsupported Version.")
    cp("no-version", """echo '{"AccessKeyId": "A", "SecretAccessKey": "B"}'\n""", "no Version.")
    cp("version-string", """echo '{"Version": "1", "AccessKeyId": "A", "SecretAccessKey": "B"}'\n""", "Version as a string.")
    cp("no-key", """echo '{"Version": 1, "SecretAccessKey": "B"}'\n""", "no AccessKeyId.")
    cp("no-secret", """echo '{"Version": 1, "AccessKeyId": "A"}'\n""", "no SecretAccessKey.")
    cp("expired", """echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "B", "Expiration": "2000-01-01T00:00:00Z"}'\n""", "credentials that are already expired.")
    cp("bad-expiry", """echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "B", "Expiration": "soon"}'\n""", "an unparseable Expiration.")
    cp("list", "echo '[1, 2]'\n", "a JSON list.")
    cp("string", "echo '\"creds\"'\n", "a JSON string.")
    cp("trailing", f"echo '{good} trailing'\n", "extra data after the JSON.")
    cp("not-json", "echo 'AccessKeyId=A'\n", "plain text.")
    cp("nul", "printf '{\\\"Version\\\": 1,\\000}'\n", "a NUL byte in the output.")
    cp("not-utf8", "printf '\\377\\376'\n", "bytes that are not UTF-8.")
    cp("missing-cmd", "", "a program that does not exist.", cmd="/nonexistent/credential-helper --flag")
    cp("quoted-args", "echo \"{\\\"Version\\\": 1, \\\"AccessKeyId\\\": \\\"AKID$1\\\", \\\"SecretAccessKey\\\": \\\"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\\\"}\"\n",
       "arguments in quotes are split as a shell would.", cmd='sh "{{TMP}}/proc.sh" "QUOTED"')
    cp("empty-key", """echo '{"Version": 1, "AccessKeyId": "", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}'\n""", "an empty AccessKeyId.")
    cp("null-key", """echo '{"Version": 1, "AccessKeyId": null, "SecretAccessKey": "B"}'\n""", "a null AccessKeyId.")
    cp("env-wins", "echo 'never run' >&2\nexit 1\n", "environment credentials come before credential_process.", unset=())
    cp("profile", "echo 'profile process' >&2\nexit 1\n", "--profile selects a profile whose process fails.",
       argv=["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--profile", "dev"],
       extra_cfg="[profile dev]\ncredential_process = sh {{TMP}}/proc.sh\n")
    cp("skeleton-no-call", "exit 1\n", "a skeleton needs no credentials.", argv=["cleanroomsml", "list-training-datasets", "--generate-cli-skeleton"])
    cp("validation-first", "exit 1\n", "parameter validation comes before credentials.",
       argv=["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--page-size", "0"])
    cp("no-sign", "exit 1\n", "--no-sign-request needs no credentials.", argv=["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}", "--no-sign-request"])
    cp("stderr-ok", f"echo 'warning: cached' >&2\necho '{good}'\n", "a process that succeeds and writes to stderr.")
    cp("expiry-offset", """echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "Expiration": "2099-01-01T00:00:00+02:00"}'\n""",
       "an Expiration with an offset.")
    cp("extra-fields", """echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "AccountId": "123456789012", "Other": true}'\n""",
       "unknown fields are ignored.")
    cp("number-key", """echo '{"Version": 1, "AccessKeyId": 12345, "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}'\n""", "a number for AccessKeyId.")
    cp("null-secret", """echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": null}'\n""", "a null SecretAccessKey.")
    cp("number-token", """echo '{"Version": 1, "AccessKeyId": "AKIDPROCESS", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SessionToken": 7}'\n""", "a number for SessionToken.")
    cp("nested-quote", "echo '{\"Version\": 1, \"AccessKeyId\": \"A\\\"B\"}'\n", "an escaped quote and no secret.")


# ---------------------------------------------------------------------------------------------- cfg
def gen_cfg():
    A = "cfg"
    g = lambda *extra: get_argv() + list(extra)
    vec(A, "cfg-x-region-empty-env", g(), "AWS_DEFAULT_REGION is empty.", env={"AWS_DEFAULT_REGION": ""})
    vec(A, "cfg-x-region-empty-flag", g("--region", ""), "--region ''.")
    vec(A, "cfg-x-region-aws-region", g(), "AWS_REGION when AWS_DEFAULT_REGION is unset.", unset=["AWS_DEFAULT_REGION"], env={"AWS_REGION": "eu-west-3"})
    vec(A, "cfg-x-region-both-env", g(), "AWS_REGION and AWS_DEFAULT_REGION: which wins.", env={"AWS_REGION": "eu-west-3", "AWS_DEFAULT_REGION": "ap-south-1"})
    vec(A, "cfg-x-region-flag-over-env", g("--region", "sa-east-1"), "--region beats the environment.", env={"AWS_REGION": "eu-west-3"})
    vec(A, "cfg-x-region-config-empty", g(), "region = (empty) in the config.", unset=["AWS_DEFAULT_REGION"], files={"home/.aws/config": "[default]\nregion =\n"})
    vec(A, "cfg-x-region-upper", g("--region", "US-EAST-1"), "an upper-case region.")
    vec(A, "cfg-x-region-underscore", g("--region", "us_east_1"), "a region with underscores.")
    vec(A, "cfg-x-region-dot", g("--region", "us.east"), "a region with a dot.")
    vec(A, "cfg-x-region-no-endpoint-empty", ["cleanroomsml", "list-training-datasets"], "an empty region without --endpoint-url.", env={"AWS_DEFAULT_REGION": ""})
    vec(A, "cfg-x-region-no-env-no-config", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}"], "no region at all with --endpoint-url.", unset=["AWS_DEFAULT_REGION"])
    vec(A, "cfg-x-profile-missing-flag", g("--profile", "nope"), "--profile naming a missing profile.")
    vec(A, "cfg-x-profile-missing-env", g(), "AWS_PROFILE naming a missing profile.", env={"AWS_PROFILE": "nope"})
    vec(A, "cfg-x-profile-missing-default-env", g(), "AWS_DEFAULT_PROFILE naming a missing profile.", env={"AWS_DEFAULT_PROFILE": "nope"})
    vec(A, "cfg-x-profile-both-env", g(), "AWS_PROFILE and AWS_DEFAULT_PROFILE.", env={"AWS_PROFILE": "dev", "AWS_DEFAULT_PROFILE": "nope"},
        files={"home/.aws/config": "[profile dev]\nregion = eu-west-1\n"})
    vec(A, "cfg-x-profile-creds-file", g("--profile", "dev"), "--profile with keys in the credentials file only.",
        files={"home/.aws/credentials": "[dev]\naws_access_key_id = AKIDFILEDEV\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\naws_session_token = DEVTOKEN\n"})
    vec(A, "cfg-x-profile-config-keys", g("--profile", "dev"), "--profile with keys in the config file.",
        files={"home/.aws/config": "[profile dev]\naws_access_key_id = AKIDCONFIGDEV\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"})
    vec(A, "cfg-x-profile-default-section-name", g("--profile", "default"), "--profile default.",
        files={"home/.aws/config": "[default]\nregion = eu-north-1\n"})
    vec(A, "cfg-x-profile-prefixed-default", g(), "[profile default] in the config.", unset=["AWS_DEFAULT_REGION"],
        files={"home/.aws/config": "[profile default]\nregion = eu-north-1\n"})
    vec(A, "cfg-x-profile-spaces", g("--profile", "my dev"), "a profile name with a space.",
        files={"home/.aws/config": "[profile my dev]\nregion = eu-west-2\n"}, unset=["AWS_DEFAULT_REGION"])
    vec(A, "cfg-x-config-file-env", g(), "AWS_CONFIG_FILE points elsewhere.", unset=["AWS_DEFAULT_REGION"],
        env={"AWS_CONFIG_FILE": "{{TMP}}/alt-config"}, files={"alt-config": "[default]\nregion = ca-central-1\n"})
    vec(A, "cfg-x-config-file-missing", g(), "AWS_CONFIG_FILE names a missing file.", env={"AWS_CONFIG_FILE": "{{TMP}}/nope"})
    vec(A, "cfg-x-creds-file-env", g(), "AWS_SHARED_CREDENTIALS_FILE points elsewhere.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        env={"AWS_SHARED_CREDENTIALS_FILE": "{{TMP}}/alt-creds"}, files={"alt-creds": "[default]\naws_access_key_id = AKIDALT\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"})
    vec(A, "cfg-x-config-bad-syntax", g(), "a config file that is not INI.", files={"home/.aws/config": "this is not ini\n[default\nregion=x\n"})
    vec(A, "cfg-x-config-continuation", g(), "a nested (indented) config value.", unset=["AWS_DEFAULT_REGION"],
        files={"home/.aws/config": "[default]\nregion = us-west-2\ns3 =\n  max_concurrent_requests = 5\n"})
    vec(A, "cfg-x-config-comments", g(), "comments and odd spacing in the config.", unset=["AWS_DEFAULT_REGION"],
        files={"home/.aws/config": "# comment\n[default]\n; other comment\n  region=us-west-1   \n"})
    vec(A, "cfg-x-config-dup-section", g(), "a section given twice.", unset=["AWS_DEFAULT_REGION"],
        files={"home/.aws/config": "[default]\nregion = us-west-1\n[default]\nregion = us-west-2\n"})
    vec(A, "cfg-x-creds-env-over-file", g(), "environment keys beat the credentials file.",
        files={"home/.aws/credentials": "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"})
    vec(A, "cfg-x-creds-file-token", g(), "a session token in the credentials file.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/credentials": "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\naws_session_token = FILETOKEN\n"})
    vec(A, "cfg-x-creds-secret-only", g(), "a secret without a key id in the environment.", unset=["AWS_ACCESS_KEY_ID"])
    vec(A, "cfg-x-creds-empty-env", g(), "empty key environment variables.", env={"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""})
    vec(A, "cfg-x-creds-security-token-env", g(), "AWS_SECURITY_TOKEN (the legacy name).", env={"AWS_SECURITY_TOKEN": "LEGACYTOKEN"})
    vec(A, "cfg-x-creds-file-partial", g(), "a credentials file with a key id only.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/credentials": "[default]\naws_access_key_id = AKIDFILE\n"})
    vec(A, "cfg-x-creds-role-arn-no-source", g(), "role_arn without a source.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/config": f"[default]\nrole_arn = arn:aws:iam::{ACCT}:role/R\n"})
    vec(A, "cfg-x-creds-source-profile-missing", g(), "source_profile naming a missing profile.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/config": f"[default]\nrole_arn = arn:aws:iam::{ACCT}:role/R\nsource_profile = nope\n"})
    vec(A, "cfg-x-creds-sso-incomplete", g(), "an incomplete SSO profile.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/config": "[default]\nsso_start_url = https://example.awsapps.com/start\n"})
    vec(A, "cfg-x-endpoint-config", ["cleanroomsml", "list-training-datasets"], "endpoint_url in the profile.", files={"home/.aws/config": "[default]\nendpoint_url = {{ENDPOINT}}\n"})
    vec(A, "cfg-x-endpoint-services", ["cleanroomsml", "list-training-datasets"], "endpoint_url in a services section.",
        files={"home/.aws/config": "[default]\nservices = local\n[services local]\ncleanroomsml =\n  endpoint_url = {{ENDPOINT}}\n"})
    vec(A, "cfg-x-endpoint-services-over-global", ["cleanroomsml", "list-training-datasets"], "the service's endpoint_url beats the profile's.",
        files={"home/.aws/config": "[default]\nendpoint_url = {{ENDPOINT}}/global\nservices = local\n[services local]\ncleanroomsml =\n  endpoint_url = {{ENDPOINT}}\n"})
    vec(A, "cfg-x-endpoint-env-over-config", ["cleanroomsml", "list-training-datasets"], "AWS_ENDPOINT_URL beats the config's.",
        env={"AWS_ENDPOINT_URL": "{{ENDPOINT}}"}, files={"home/.aws/config": "[default]\nendpoint_url = {{ENDPOINT}}/cfg\n"})
    vec(A, "cfg-x-endpoint-ignore", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}"], "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS with --endpoint-url.",
        env={"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "{{ENDPOINT}}/env"})
    vec(A, "cfg-x-endpoint-path-prefix", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}/prefix/"], "an endpoint with a path prefix.")
    vec(A, "cfg-x-endpoint-query", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "{{ENDPOINT}}?a=b"], "an endpoint with a query string.")
    vec(A, "cfg-x-endpoint-uppercase-scheme", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "HTTP://127.0.0.1:{{PORT}}"], "an upper-case scheme.")
    vec(A, "cfg-x-endpoint-ftp", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "ftp://127.0.0.1:{{PORT}}"], "an ftp:// endpoint.")
    vec(A, "cfg-x-endpoint-empty", ["cleanroomsml", "list-training-datasets", "--endpoint-url", ""], "an empty --endpoint-url.")
    vec(A, "cfg-x-endpoint-env-empty", ["cleanroomsml", "list-training-datasets"], "an empty AWS_ENDPOINT_URL_CLEANROOMSML.", env={"AWS_ENDPOINT_URL_CLEANROOMSML": ""},
        proxy=True, compare=["rc", "stdout", "stderr", "connects"])
    vec(A, "cfg-x-endpoint-userinfo", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "http://user:pw@127.0.0.1:{{PORT}}"], "an endpoint with user info.")
    vec(A, "cfg-x-retry-max-attempts-config", get_argv("force-flaky-2-cfg1"), "max_attempts = 2 in the config: 2 attempts.", files={"home/.aws/config": "[default]\nmax_attempts = 2\n"})
    vec(A, "cfg-x-retry-max-attempts-env", get_argv("force-flaky-2-cfg2"), "AWS_MAX_ATTEMPTS=3 recovers.", env={"AWS_MAX_ATTEMPTS": "3"})
    vec(A, "cfg-x-retry-max-attempts-zero", get_argv(), "AWS_MAX_ATTEMPTS=0.", env={"AWS_MAX_ATTEMPTS": "0"})
    vec(A, "cfg-x-retry-max-attempts-bogus", get_argv(), "AWS_MAX_ATTEMPTS=many.", env={"AWS_MAX_ATTEMPTS": "many"})
    vec(A, "cfg-x-retry-mode-adaptive", get_argv("force-flaky-1-cfg3"), "retry_mode = adaptive.", env={"AWS_RETRY_MODE": "adaptive"})
    vec(A, "cfg-x-retry-mode-bogus", get_argv(), "an invalid retry mode.", env={"AWS_RETRY_MODE": "bogus"})
    vec(A, "cfg-x-retry-mode-legacy-config", get_argv(), "retry_mode = legacy in the config.", files={"home/.aws/config": "[default]\nretry_mode = legacy\n"})
    vec(A, "cfg-x-retry-throttle-max1", get_argv("force-ThrottlingException-429"), "AWS_MAX_ATTEMPTS=1: no retry.", env={"AWS_MAX_ATTEMPTS": "1"})
    vec(A, "cfg-x-retry-500-max2", get_argv("force-InternalServerException-500"), "a 500 with 2 attempts.", env={"AWS_MAX_ATTEMPTS": "2"})
    vec(A, "cfg-x-retry-503-nomsg", get_argv("force-nomsg-ServiceUnavailableException-503"), "a 503 without message, 3 attempts.")
    vec(A, "cfg-x-output-env-bad", get_argv(), "an invalid AWS_DEFAULT_OUTPUT.", env={"AWS_DEFAULT_OUTPUT": "xml"})
    vec(A, "cfg-x-output-profile-over-default", get_argv() + ["--profile", "dev"], "the profile's output.",
        files={"home/.aws/config": "[default]\noutput = table\n[profile dev]\noutput = text\n"})
    vec(A, "cfg-x-output-env-over-config", get_argv(), "AWS_DEFAULT_OUTPUT beats the config.", env={"AWS_DEFAULT_OUTPUT": "text"},
        files={"home/.aws/config": "[default]\noutput = table\n"})
    vec(A, "cfg-x-fips-custom-endpoint", get_argv(), "FIPS with a custom endpoint is allowed.", env={"AWS_USE_FIPS_ENDPOINT": "true"})
    vec(A, "cfg-x-fips-bogus", get_argv(), "AWS_USE_FIPS_ENDPOINT=maybe.", env={"AWS_USE_FIPS_ENDPOINT": "maybe"})
    vec(A, "cfg-x-ca-bundle-env-missing", get_argv(), "AWS_CA_BUNDLE naming a missing file (http endpoint).", env={"AWS_CA_BUNDLE": "/nonexistent/ca.pem"})
    vec(A, "cfg-x-read-timeout-config", get_argv("force-slow-2"), "cli_read_timeout = 1 in the config.", files={"home/.aws/config": "[default]\ncli_read_timeout = 1\nmax_attempts = 1\n"})
    vec(A, "cfg-x-sts-regional", get_argv(), "sts_regional_endpoints has no effect here.", env={"AWS_STS_REGIONAL_ENDPOINTS": "legacy"})
    vec(A, "cfg-x-user-agent-extra", get_argv(), "AWS_SDK_UA_APP_ID is harmless.", env={"AWS_SDK_UA_APP_ID": "my-app"})
    vec(A, "cfg-x-no-sign-profile", get_argv() + ["--no-sign-request", "--profile", "nope"], "--no-sign-request with a missing profile.")
    vec(A, "cfg-x-defaults-mode", get_argv(), "defaults_mode = standard.", files={"home/.aws/config": "[default]\ndefaults_mode = standard\n"})
    vec(A, "cfg-x-defaults-mode-bogus", get_argv(), "defaults_mode = bogus.", files={"home/.aws/config": "[default]\ndefaults_mode = bogus\n"})
    vec(A, "cfg-x-region-config-profile-env", get_argv(), "AWS_PROFILE's region.", unset=["AWS_DEFAULT_REGION"], env={"AWS_PROFILE": "eu"},
        files={"home/.aws/config": "[default]\nregion = us-west-2\n[profile eu]\nregion = eu-central-1\n"})
    vec(A, "cfg-x-auto-prompt-env", get_argv(), "AWS_CLI_AUTO_PROMPT=on-partial with a complete command.", env={"AWS_CLI_AUTO_PROMPT": "on-partial"})
    # the INI dialect: Python's configparser as botocore uses it
    ini = [
        ("upper-key", "[default]\nRegion = eu-west-1\n", "an upper-case key (configparser lower-cases keys)"),
        ("colon", "[default]\nregion: eu-west-1\n", "key: value"),
        ("inline-comment", "[default]\nregion = eu-west-1 ; a comment\n", "an inline ; comment is part of the value"),
        ("inline-hash", "[default]\nregion = eu-west-1 # a comment\n", "an inline # comment is part of the value"),
        ("section-spaces", "[profile   spaced  ]\nregion = eu-west-1\n", "extra spaces in a profile section name"),
        ("unprefixed", "[dev]\nregion = eu-west-1\n", "a [dev] section without 'profile' in the config file"),
        ("key-no-value", "[default]\nregion\n", "a key without a value"),
        ("empty-file", "", "an empty config file"),
        ("bom", "\ufeff[default]\nregion = eu-west-1\n", "a UTF-8 byte order mark"),
        ("crlf", "[default]\r\nregion = eu-west-1\r\n", "CRLF line ends"),
        ("dup-key", "[default]\nregion = eu-west-1\nregion = eu-west-2\n", "a key given twice in one section"),
        ("quoted", "[default]\nregion = \"eu-west-1\"\n", "a quoted value"),
        ("tab-indent", "[default]\n\tregion = eu-west-1\n", "a key indented by a tab"),
        ("default-case", "[Default]\nregion = eu-west-1\n", "[Default] is not [default]"),
    ]
    for tag, text, note in ini:
        vec(A, f"cfg-ini-{tag}", get_argv() + (["--profile", "dev"] if tag == "unprefixed" else ["--profile", "spaced"] if tag == "section-spaces" else []),
            f"config file: {note}.", unset=["AWS_DEFAULT_REGION"], files={"home/.aws/config": text})
    vec(A, "cfg-ini-creds-profile-prefix", get_argv() + ["--profile", "dev"], "credentials file: [profile dev] is a profile named 'profile dev'.",
        unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/credentials": "[profile dev]\naws_access_key_id = AKIDPREFIXED\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"})
    vec(A, "cfg-ini-creds-upper-keys", get_argv(), "credentials file: upper-case key names.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/credentials": "[default]\nAWS_ACCESS_KEY_ID = AKIDUPPER\nAWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n"})
    vec(A, "cfg-ini-creds-bad-syntax", get_argv(), "credentials file: not INI.", unset=["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        files={"home/.aws/credentials": "aws_access_key_id = AKIDNOSECTION\n"})
    # endpoints of other operations, seen through the recording proxy
    for j, (op, region, env) in enumerate([("ListTrainingDatasets", "eu-west-1", {}), ("CreateAudienceModel", "ap-southeast-2", {}),
                                            ("GetMLConfiguration", "us-west-2", {"AWS_USE_FIPS_ENDPOINT": "true"}),
                                            ("TagResource", "ca-central-1", {"AWS_USE_DUALSTACK_ENDPOINT": "true"}),
                                            ("ListTrainedModels", "cn-northwest-1", {}), ("DeleteTrainingDataset", "us-gov-west-1", {"AWS_USE_FIPS_ENDPOINT": "true"}),
                                            ("ListAudienceModels", "eu-south-2", {"AWS_USE_FIPS_ENDPOINT": "true", "AWS_USE_DUALSTACK_ENDPOINT": "true"})]):
        req = op_values(op, False)
        argv = argv_for(op, req, "sh"); del argv[2:4]
        vec(A, f"ep-x-{cli_op(op)}-{region}", argv + ["--region", region], f"the endpoint of {op} in {region} {env or ''}(through the recording proxy).",
            env=dict(env, AWS_MAX_ATTEMPTS="1"), proxy=True, compare=["rc", "stdout", "stderr", "connects"])
    vec(A, "cfg-x-endpoint-refused", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "http://127.0.0.1:1"], "a refused connection.",
        env={"AWS_MAX_ATTEMPTS": "1"})
    vec(A, "cfg-x-endpoint-refused-retries", ["cleanroomsml", "list-training-datasets", "--endpoint-url", "http://127.0.0.1:1"], "a refused connection, retried.")
    vec(A, "cfg-ini-config-is-dir", get_argv(), "AWS_CONFIG_FILE names a directory.", env={"AWS_CONFIG_FILE": "{{TMP}}/work"})


# ---------------------------------------------------------------------------------------------- fuzz
SH_ALPHABET = list("abcXYZ019_-./:#@=,[]{}\"'\\ \n\t~!$%&*()+;<>?^`|") + ["ü", "日", "🚀", "\u00a0", "accountId", "accept", "members", "file://", "=[", "={", "},", "],"]
JSON_ATOMS = ["1", "-0", "1.0", "1e2", "1E+2", "0.1e-2", "12345678901234567890", "true", "false", "null", '""', '"x"', '"\\u00fc"', '"\\ud83d\\ude80"',
              '"\\n\\t"', '"a\\"b"', "[]", "{}", "NaN", "Infinity", "-Infinity", "1e400", "01", ".5", "+1", "'s'", '"\\x41"']

def rand_shorthand(rng):
    n = rng.randint(1, 24)
    return "".join(rng.choice(SH_ALPHABET) for _ in range(n))

def rand_json(rng, depth=0):
    r = rng.random()
    if depth > 2 or r < 0.4: return rng.choice(JSON_ATOMS)
    if r < 0.7:
        keys = [rng.choice(["accountId", "accept", "members", "instanceType", "x", "", "__proto__", "a b"]) for _ in range(rng.randint(0, 3))]
        return "{" + ", ".join(f'"{k}": {rand_json(rng, depth + 1)}' for k in keys) + "}"
    return "[" + ", ".join(rand_json(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"

YAML_BITS = ["name: j", "name: 'j'", 'name: "j\\u00fc"', "name: >-\n  folded\n  text", "name: |+\n  kept\n\n", "name: !!str 12", "name: !!int '7'",
             "name: [a]", "name: {a: b}", "name: *x", "name: &x j", "name: 1.0", "name: .NaN", "name: 0x10", "name: +12", "name: 1:20",
             "tags: {a: 1}", "tags: !!map {a: b}", "tags:\n  ? a\n  : b", "tags: {? a}", "tags: [a, b]", "tags:\n  a: !!null", "tags: {'': x}",
             "description: \"tab\\tnew\\nline\"", "description: null", "description: ~", "description: 2001-12-14t21:59:43.10-05:00",
             "description: !!timestamp 2001-12-14", "description: !!float 1", "description: !!bool yes", "description: 'it''s'", "# comment only",
             "description: ! tagged", "description: !custom x", "description: <<", "<<: {name: merged}", "description: '\\'", "...", "---"]

def gen_fuzz():
    A = "fuzz"
    rng = random.Random(SEED + 1)
    for j in range(60):
        text = rand_shorthand(rng)
        target = rng.choice(["--output-configuration", "--environment", "--resource-config", "--tags"])
        vec(A, f"fuzz-sh-{j:03d}", start_argv(**{target: text}), f"Fuzz (seeded): random shorthand for {target}.")
    for j in range(50):
        text = rand_json(rng)
        target = rng.choice(["--output-configuration", "--environment", "--resource-config", "--container-execution-parameters"])
        if not text.startswith(("{", "[")): text = "{" + f'"x": {text}' + "}"
        vec(A, f"fuzz-json-{j:03d}", start_argv(**{target: text}), f"Fuzz (seeded): random JSON for {target}.")
    for j in range(50):
        lines = [rng.choice(YAML_BITS) for _ in range(rng.randint(1, 4))]
        vec(A, f"fuzz-yaml-{j:03d}", base("TagResource") + ["--resource-arn", ARNS["TaggableArn"], "--tags", "k=v", "--cli-input-yaml", "\n".join(lines) + "\n"],
            "Fuzz (seeded): random YAML for --cli-input-yaml.")
    for j in range(40):
        op = rng.choice(sorted(OPS)); req = op_values(op, False); full = op_values(op, True)
        vals = dict(rng.choice([req, full]))
        k = rng.choice(list(op_input(op)["members"]))
        s = shape(op_input(op)["members"][k]["shape"])
        vals[k] = rng.choice(["", " ", "x" * rng.randint(1, 70), "-1", "0", "1e3", "ü" * 20, "a,b", "[]", "{}", '""', "null", "true", "\\", "%", "{a=b}", "[1,2]"])
        style = rng.choice(["sh", "json"])
        try:
            argv = argv_for(op, vals, style)
        except (TypeError, AttributeError, ValueError):
            continue
        vec(A, f"fuzz-op-{j:03d}", argv, f"Fuzz (seeded): {op} with {k} = {vals[k]!r} ({s['type']}).")


# ---------------------------------------------------------------------------------------------- overrides
# Cases where the AWS CLI's own text or exit code is an accident of Python (compare only that it fails, with no
# request and nothing on stdout), or where it is wrong and a clone must do better (clone_expect). Filled from the
# audit (see README.md).
INT_ACCIDENT = "int()/float() of the text raises a ValueError/TypeError that escapes unwrapped (exit 255); a clear parameter error is right"
RC_ERROR = {       # id -> why the reference's stderr/rc is a Python accident
    **{f"sh-rc-{n}": INT_ACCIDENT for n in (20, 23, 25, 37, 38, 39)},
    **{i: INT_ACCIDENT for i in ("ops-int-06", "ops-int-07", "ops-int-08", "ops-int-13", "ops-int-sh-04", "ops-int-sh-05", "ops-double-sh-06")},
    **{f"ops-{cli_op(op)}-page-max-results-str": INT_ACCIDENT for op in PAGINATORS},
    "arg-x-34": "int('1.5') of --cli-read-timeout escapes (exit 255)",
    "cfg-x-retry-max-attempts-bogus": "int('many') of AWS_MAX_ATTEMPTS escapes",
    **{i: "fileb:// bytes reach the shorthand/JSON check and Python raises TypeError ('in <string>' requires string as left operand, not int)"
       for i in ("file-struct-fileb", "file-list-struct-fileb", "file-map-fileb")},
    "yaml-in-10": "a complex YAML key reaches **kwargs: TypeError 'keywords must be strings'",
    "rel-credproc-null-key": "a null AccessKeyId reaches the signer: TypeError 'sequence item 0: expected str instance, NoneType found'",
    "rel-credproc-number-key": "a number for AccessKeyId reaches the signer: TypeError 'sequence item 0: expected str instance, int found'",
    "rel-credproc-null-secret": "a null SecretAccessKey reaches the signer: a TypeError",
    "rel-credproc-number-token": "a number for SessionToken reaches the header code: a TypeError",
    "query-jp-062": "ruamel's 'cannot represent an object: <jmespath.visitor._Expression object at 0x…>' carries a memory address",
    "ops-esc-lone-surrogate-path": "UTF-8 encoding of a lone surrogate fails (UnicodeEncodeError text); it must fail before any request",
    "ops-esc-lone-surrogate-query": "UTF-8 encoding of a lone surrogate fails (UnicodeEncodeError text); it must fail before any request",
}
CLONE_EXPECT = {   # id -> (clone_expect dict, why)
    "fmt-get-shape-nulls-text": ({"rc": 0, "stderr": ""}, "the text formatter crashes on a null list item/map value ('NoneType' object has no attribute 'items'), "
                                 "exit 255 after part of the output; a clone must print it all"),
    "fmt-text-query-nested-lists": ({"rc": 0, "stderr": ""}, "the text formatter crashes on a list nested in a list of lists ('list' object has no attribute 'items'), "
                                    "exit 255; a clone must print it"),
}
TWINS = {          # id -> the vector whose recording is its clone_expect (same command, input from a regular file)
    "stdin-cij": "stdin-cij-twin", "stdin-ciy-fileb": "stdin-ciy-fileb-twin",
}
TWIN_WHY = (" [reference bug: --cli-input-json/yaml resolve file:// twice (the load-cli-arg paramfile handler, then"
            " cliinput.py's _get_arg_value), so /dev/stdin is empty the second time; a clone reads it once: clone_expect is the"
            " recording of the same input from a regular file]")
# ids dropped as unfair (flaky, machine- or date-dependent):
#  - ops-more-ts-month-year: dateutil takes the missing day from today, so the recording holds only on
#    the day it was made (test/client/response.test.ts checks the rule with a fixed clock).
DROP = {"ops-more-ts-month-year"}

def apply_overrides():
    for area, vs in VECTORS.items():
        keep = []
        for v in vs:
            if v["id"] in DROP: continue
            if v["id"] in RC_ERROR:
                v["compare"] = ["stdout", "requests", "rc-error"]
                v["note"] += f" [stderr is a Python accident: {RC_ERROR[v['id']]}; only the exit status class, stdout and requests count]"
            if v["id"] in CLONE_EXPECT:
                ce, why = CLONE_EXPECT[v["id"]]
                v["clone_expect"] = ce
                v["note"] += f" [reference bug: {why}]"
            keep.append(v)
        VECTORS[area] = keep

# ---------------------------------------------------------------------------------------------- files
SKEL_BUG = (" [reference bug: the stubbed skeleton response fails the output shape's min-length checks, exit 252;"
            " a clone must print the output skeleton: clone_expect is the AWS CLI's own output with that"
            " stub-response validation switched off]")

def same_input(a, b): return all(a.get(k) == b.get(k) for k in INPUT_FIELDS)

def write_all():
    for area, vs in VECTORS.items():
        path = os.path.join(HERE, area + ".json")
        old = {}
        if os.path.exists(path):
            with open(path) as f: old = {v["id"]: v for v in json.load(f)}
        kept = 0
        for v in vs:
            o = old.get(v["id"])
            if o and same_input(o, v) and "expect" in o:
                v["expect"] = o["expect"]; kept += 1
                if "clone_expect" in o and "clone_expect" not in v and SKEL_BUG in o["note"]:
                    v["clone_expect"] = o["clone_expect"]; v["note"] = o["note"]
        apply_twins(vs)
        with open(path, "w") as f: json.dump(vs, f, indent=1, ensure_ascii=False); f.write("\n")
        print(f"{path}: {len(vs)} vectors ({kept} keep their recording)")

PY_NUMBER_ACCIDENT = re.compile(r"\naws: \[ERROR\]: (invalid literal for int\(\) with base 10: |could not convert string to float: |"
                                r"int\(\) argument must be |float\(\) argument must be )")

def auto_classify(v):
    """A recorded raw Python int()/float() error (exit 255, no request) is the accident RC_ERROR describes, wherever it shows up."""
    e = v.get("expect")
    if e and "compare" not in v and "clone_expect" not in v and e["rc"] == 255 and not e["requests"] and PY_NUMBER_ACCIDENT.match(e["stderr"]):
        v["compare"] = ["stdout", "requests", "rc-error"]
        v["note"] += f" [stderr is a Python accident: {INT_ACCIDENT}; only the exit status class, stdout and requests count]"

def apply_twins(vs):
    for v in vs: auto_classify(v)
    by_id = {v["id"]: v for v in vs}
    for id, twin in TWINS.items():
        if id in by_id and twin in by_id and "expect" in by_id[twin]:
            by_id[id]["clone_expect"] = by_id[twin]["expect"]
            if TWIN_WHY not in by_id[id]["note"]: by_id[id]["note"] += TWIN_WHY

def clone_expect(cli):
    """For each output-skeleton vector the AWS CLI refuses (its stub response fails its own validation), record
    what the AWS CLI prints with that validation off as the vector's clone_expect."""
    difftest = difftest_path()
    for area in sorted(VECTORS):
        path = os.path.join(HERE, area + ".json")
        with open(path) as f: vs = json.load(f)
        todo = [v for v in vs if "--generate-cli-skeleton" in v["argv"] and v["argv"][v["argv"].index("--generate-cli-skeleton") + 1:][:1] == ["output"]
                and "expect" in v and v["expect"]["rc"] == 252 and "ParamValidation" in v["expect"]["stderr"]]
        if not todo: continue
        tmp = tempfile.mktemp(suffix=".json")
        with open(tmp, "w") as f: json.dump([{k: x for k, x in v.items() if k in ("id",) + INPUT_FIELDS} for v in todo], f)
        subprocess.run([sys.executable, difftest, "record", "--cli", cli, tmp], check=True, cwd=ROOT)
        with open(tmp) as f: got = {v["id"]: v["expect"] for v in json.load(f)}
        os.unlink(tmp)
        for v in vs:
            if v["id"] in got:
                v["clone_expect"] = got[v["id"]]
                if SKEL_BUG not in v["note"]: v["note"] += SKEL_BUG
        with open(path, "w") as f: json.dump(vs, f, indent=1, ensure_ascii=False); f.write("\n")
        print(f"{path}: clone_expect for {len(got)} vectors")

def difftest_path():
    p = os.environ.get("DIFFTEST", os.path.join(ROOT, "..", "shared", "conformance", "difftest.py"))
    return p if os.path.exists(p) else "/work/shared/conformance/difftest.py"

def record_missing(cli):
    """Records, with CLI (the real AWS CLI), only the vectors that have no 'expect' yet."""
    for area in sorted(VECTORS):
        path = os.path.join(HERE, area + ".json")
        with open(path) as f: vs = json.load(f)
        todo = [v for v in vs if "expect" not in v]
        if not todo: continue
        tmp = tempfile.mktemp(suffix=".json")
        with open(tmp, "w") as f: json.dump(todo, f)
        subprocess.run([sys.executable, difftest_path(), "record", "--cli", cli, tmp], check=True, cwd=ROOT)
        with open(tmp) as f: got = {v["id"]: v["expect"] for v in json.load(f)}
        os.unlink(tmp)
        for v in vs:
            if v["id"] in got: v["expect"] = got[v["id"]]
        apply_twins(vs)
        with open(path, "w") as f: json.dump(vs, f, indent=1, ensure_ascii=False); f.write("\n")
        print(f"{path}: recorded {len(got)} vectors")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--record", metavar="CLI", help="record the vectors that have no expect yet with CLI (the AWS CLI)")
    ap.add_argument("--clone-expect", metavar="CLI", help="fill clone_expect of refused output skeletons by running CLI")
    a = ap.parse_args()
    gen_ops(); gen_input(); gen_output(); gen_rel(); gen_cfg(); gen_fuzz()
    apply_overrides()
    if a.record: record_missing(a.record); return
    if a.clone_expect: clone_expect(a.clone_expect); return
    write_all()
    print(sum(len(v) for v in VECTORS.values()), "vectors")

if __name__ == "__main__":
    main()
