/** Re-rating Parquet exports on one machine ({@link io.github.computecost.parquet.ParquetExport}). */
package io.github.computecost.parquet;
