#!/usr/bin/env python3
"""Writes big-heap.json: a 10,000-object heap shaped like a real program's cache.

A global points to one cache object, the cache to 12 shards, each shard to 14 buckets, each
bucket to 58 pointer-free values (strings, byte slices: noscan spans). 75 objects (two
evicted buckets and their values) are unreachable garbage. Run from this directory:
    python3 big_heap_gen.py > big-heap.json
The output is deterministic; regenerate it after editing this script.
"""
import json

SHARDS, BUCKETS, VALUES = 12, 14, 58

objects, edges = [{"id": "cache", "fields": SHARDS}], []
for s in range(SHARDS):
    objects.append({"id": f"shard{s}", "fields": BUCKETS})
    edges.append(["cache", f"shard{s}"])
    for b in range(BUCKETS):
        bid = f"b{s}_{b}"
        objects.append({"id": bid, "fields": VALUES})
        edges.append([f"shard{s}", bid])
        for v in range(VALUES):
            objects.append({"id": f"v{s}_{b}_{v}", "noscan": True})
            edges.append([bid, f"v{s}_{b}_{v}"])
for e, count in enumerate((37, 36)):
    objects.append({"id": f"evicted{e}", "fields": count})
    for v in range(count):
        objects.append({"id": f"old{e}_{v}", "noscan": True})
        edges.append([f"evicted{e}", f"old{e}_{v}"])
assert len(objects) == 10000, len(objects)

scenario = {
    "$schema": "../schema/scenario.schema.json",
    "format": 1,
    "kind": "gc",
    "id": "gc-big-heap",
    "title": {"en": "Marking a 10,000-object heap", "zh": "标记一个有 10,000 个对象的堆"},
    "summary": {
        "en": "A cache of 12 shards, 168 buckets and 9,744 pointer-free values, plus two evicted "
              "buckets nobody points to. Only the 181 objects with pointers ever turn grey: a "
              "noscan value is blackened the moment it is shaded. The evicted buckets stay white "
              "and are swept.",
        "zh": "一个缓存：12 个分片、168 个桶、9,744 个不含指针的值，外加两个已无人引用的旧桶。"
              "只有含指针的 181 个对象会变灰：noscan 值一被标记就直接变黑。旧桶始终是白色，被清扫回收。",
    },
    "go_version": "1.19",
    "tags": ["tri-color", "scale", "noscan"],
    "config": {"barrier": "go"},
    "heap": {
        "objects": objects,
        "roots": [{"id": "global:cache", "refs": ["cache"]}],
        "edges": edges,
    },
    "script": [
        {"op": "gc_start", "say": {"en": "A collection begins over 10,000 objects.",
                                   "zh": "对 10,000 个对象的一轮垃圾回收开始。"}},
        {"op": "mark", "n": 40, "say": {
            "en": "Forty units of mark work: the grey wavefront moves through shards and buckets.",
            "zh": "四十个单位的标记工作：灰色波前在分片和桶之间推进。"}},
        {"op": "mark_all"},
        {"op": "mark_termination"},
        {"op": "sweep", "say": {"en": "Only the evicted buckets and their values are still white.",
                                "zh": "只有旧桶和它的值仍是白色。"}},
    ],
}
print(json.dumps(scenario, ensure_ascii=False, separators=(",", ":")))
