# The Spark recipe (README: "Beyond one machine"), as `./dev test-spark` runs it:
#   python recipe.py DATELINE_BINARY ARTICLES.jsonl OUT_DIR [MASTER] [TODAY]
import os, subprocess, sys
from pyspark import SparkContext, SparkFiles, StorageLevel

binary, articles, out = sys.argv[1:4]
master = sys.argv[4] if len(sys.argv) > 4 else "local[2]"
today = ["--today", sys.argv[5]] if len(sys.argv) > 5 else []

def dateline(*args):
    """Runs the shipped binary on a partition's lines; yields its output lines."""
    def run(lines):
        binary = SparkFiles.get("dateline")
        os.chmod(binary, 0o755)
        proc = subprocess.run([binary, *args, "-"], input="".join(l + "\n" for l in lines),
                              capture_output=True, encoding="utf-8")
        if proc.returncode not in (0, 1):  # 1: some line could not be read (named on stderr)
            raise RuntimeError(f"dateline {args[0]} failed: {proc.stderr}")
        sys.stderr.write(proc.stderr)
        # Lines end at "\n" only (splitlines would also cut at U+2028 inside a string).
        yield from proc.stdout.split("\n")[:-1]
    return run

sc = SparkContext(master, "dateline")
sc.addFile(binary)  # shipped to every worker
# The map step: each article read and analysed alone, a task per partition, all run
# (count) before the reduce step, which would otherwise pull them into its one task.
lines = sc.textFile(articles, minPartitions=max(2, sc.defaultParallelism))
parts = lines.mapPartitions(dateline("map", *today)).persist(StorageLevel.MEMORY_AND_DISK)
parts.count()
# The reduce step, once: coalesce(1) keeps the partitions' order (the pile's order, as
# analyze reads it); undated articles dated from the others, actors unified, the same
# happening merged.
timeline = parts.coalesce(1).mapPartitions(dateline("reduce", *today))
timeline.saveAsTextFile(out)  # part-00000: the timeline, as dateline analyze prints it
sc.stop()
