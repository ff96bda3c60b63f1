"""Batch extraction on Apache Spark, and loading its output into a store.

    INPUT (files | JSON Lines | Parquet) -> items -> pipeline per partition -> Parquet tables
    Parquet tables -> Extractions -> store (the same merge as `ingest`)

`job` is the only module that imports PySpark (the driver side). `items`
(input rows -> Reports) and `tables` (Extraction <-> table rows) are plain
Python that the Spark workers run, and `load` needs only pyarrow, so
`diplograph load` works on a machine without Java.
"""
