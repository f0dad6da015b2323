"""Scale out: the analysis on a Dask cluster, its results as Parquet shards loaded into the store in bulk."""
