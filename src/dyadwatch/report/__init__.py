"""A self-contained HTML report: overview, per-dyad timelines with evidence, quotes and a network chart."""
