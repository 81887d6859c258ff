# SpawnAI's Python syntax check. Reads [{"p": path, "s": source}] as JSON from stdin and writes the problems as one
# JSON line after a marker. It only compiles to bytecode (compile(), never exec); nothing of the checked code runs.
import json
import sys
import warnings

warnings.simplefilter("ignore")
files = json.loads(sys.stdin.buffer.read().decode("utf-8"))
problems = []
for f in files:
    try:
        compile(f["s"], f["p"], "exec", dont_inherit=True)
    except SyntaxError as e:
        problems.append({"p": f["p"], "line": e.lineno or 0, "msg": e.msg})
    except Exception as e:  # ValueError (NUL bytes), RecursionError, MemoryError: cannot tell
        problems.append({"p": f["p"], "line": 0, "msg": "%s: %s" % (type(e).__name__, e), "skipped": True})
sys.stdout.write("@@SPAWNAI-SYNTAX@@" + json.dumps(problems) + "\n")
