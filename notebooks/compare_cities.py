# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Comparing the places of the shipped corpus
#
# Run `make extract` first (this reads `../output/`, or the folder named by the
# `PLAN_EXTRACT_OUT` environment variable); `make notebook` executes this
# notebook headless and writes the result to `output/notebooks/`.
# Every number here comes from the tables, through `extract.tools.compare`,
# the same code as `plan-extract compare`.

# %%
import os
import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from extract.tools import compare, tables
from extract.tools.plotting import use_cjk_font

out = os.environ.get("PLAN_EXTRACT_OUT", "../output")
font = use_cjk_font()
print("tables:", out, "| font for Chinese labels:", font)
t = tables.load(out, compare.NEEDED)
place = tables.place_of(t["documents"], "city")
sections = compare.compare(out, by="city")
sections["counts"]

# %% [markdown]
# ## Unit load per place
#
# How many responsibilities each place's plans assign, split by role, and the
# units that carry the most of them.

# %%
resp = t["responsibilities"].assign(place=t["responsibilities"]["doc_id"].map(place))
by_role = pd.crosstab(resp["place"], resp["role"]).reindex(columns=list(compare.ROLES), fill_value=0)
ax = by_role.plot.bar(stacked=True, figsize=(8, 4), rot=0)
ax.set_xlabel("")
ax.set_ylabel("responsibilities")
ax.set_title("Responsibilities per place, by role")
plt.tight_layout()
plt.show()

# %%
top = sections["units"]
fig, axes = plt.subplots(1, top["place"].nunique(), figsize=(14, 3.5), sharex=False)
for ax, (name, rows) in zip(axes, top.groupby("place")):
    # positions, not names, on the axis: two long names may share their first characters
    ax.barh(range(len(rows)), rows["total"], color="#4a7fb5")
    ax.set_yticks(range(len(rows)), [textwrap.fill(u, 9) for u in rows["unit"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(name)
fig.suptitle("Units named for the most items")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Targets side by side
#
# One row per normalised indicator, one column per place. Below, the
# percentage targets of every place on one axis.

# %%
sections["targets"].head(20)

# %%
pct = t["targets"].assign(place=t["targets"]["doc_id"].map(place))
pct = pct[(pct["unit"] == "%") & pct["value"].notna()].copy()
pct["indicator_key"] = pct["indicator_norm"].fillna(pct["indicator"]).str.slice(0, 14)
pct = pct.sort_values("value")
fig, ax = plt.subplots(figsize=(8, max(3, 0.28 * len(pct))))
for name, rows in pct.groupby("place"):
    ax.scatter(rows["value"], rows["indicator_key"], label=name, s=30)
ax.set_xlabel("target value (%)")
ax.legend(loc="lower right")
ax.set_title("Percentage targets")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## The phase timeline

# %%
tl = sections["timeline"].dropna(subset=["start", "end"]).reset_index(drop=True)
fig, ax = plt.subplots(figsize=(10, max(2.5, 0.45 * len(tl))))
colors = dict(zip(tl["place"].unique(), plt.rcParams["axes.prop_cycle"].by_key()["color"]))
for i, row in tl.iterrows():
    start, end = pd.Timestamp(row["start"]), pd.Timestamp(row["end"])
    ax.barh(i, (end - start).days + 1, left=start, color=colors[row["place"]], height=0.6)
    ax.text(start, i, f" {row['name']}", va="center", fontsize=8)
ax.set_yticks(range(len(tl)), [f"{p} {o}" for p, o in zip(tl["place"], tl["ordinal"])])
ax.invert_yaxis()
ax.set_title("Phases of each plan")
fig.autofmt_xdate()
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Outline depth
#
# Items at each level of each plan's outline: a deep, narrow plan spells its
# tasks out; a flat one leaves them to later documents.

# %%
depth = sections["outline"].set_index("plan")
levels = [c for c in depth.columns if c.startswith("level_")]
depth.index = [p[:12] for p in depth.index]
ax = depth[levels].plot.barh(stacked=True, figsize=(8, 4))
ax.invert_yaxis()
ax.set_xlabel("outline items")
ax.set_title("Outline items per level")
plt.tight_layout()
plt.show()
