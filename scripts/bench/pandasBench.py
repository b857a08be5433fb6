"""pandas baseline for `npm run bench`: read_csv of the CrowdTangle-style file, then the same group-by the bench
reports (posts and interactions per page). Prints one JSON line: read and group-by times in ms."""
import json
import sys
import time

try:
    import pandas as pd
except ImportError:
    print(json.dumps({"error": "pandas not available"}))
    sys.exit(0)

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path)
t1 = time.perf_counter()
# "Total Interactions" uses '.' as thousands separator, as CrowdTangle writes it; parse it as the engine does.
interactions = pd.to_numeric(df["Total Interactions"].astype(str).str.replace(".", "", regex=False), errors="coerce")
g = df.assign(interactions=interactions).groupby("User Name").agg(posts=("URL", "size"), interactions=("interactions", "sum"))
t2 = time.perf_counter()
print(json.dumps({"rows": len(df), "groups": len(g), "readMs": (t1 - t0) * 1000, "groupMs": (t2 - t1) * 1000, "pandas": pd.__version__}))
