//! Reads a Parquet export back and compares it, cell by cell, with the ACLED CSV export.
use arrow_array::{
    Array, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch,
    StringArray,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::path::Path;

/// The Parquet file's batches and its column names.
pub fn read_parquet(path: &Path) -> (Vec<String>, Vec<RecordBatch>) {
    let b = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(path).unwrap()).unwrap();
    let names = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    let batches = b.build().unwrap().map(|r| r.unwrap()).collect();
    (names, batches)
}

/// A cell written the way the CSV writes it (null = empty, dates YYYY-MM-DD, coordinates 4 decimals).
pub fn cell(col: &dyn Array, row: usize) -> String {
    if col.is_null(row) {
        return String::new();
    }
    let a = col.as_any();
    if let Some(s) = a.downcast_ref::<StringArray>() {
        s.value(row).to_string()
    } else if let Some(d) = a.downcast_ref::<Date32Array>() {
        d.value_as_date(row).unwrap().format("%Y-%m-%d").to_string()
    } else if let Some(i) = a.downcast_ref::<Int32Array>() {
        i.value(row).to_string()
    } else if let Some(i) = a.downcast_ref::<Int64Array>() {
        i.value(row).to_string()
    } else if let Some(f) = a.downcast_ref::<Float64Array>() {
        format!("{:.4}", f.value(row))
    } else if let Some(b) = a.downcast_ref::<BooleanArray>() {
        b.value(row).to_string()
    } else {
        panic!("unexpected column type {:?}", col.data_type())
    }
}

/// Asserts that the Parquet file holds the CSV's header and every row, cell for cell; returns the row count.
pub fn assert_parquet_equals_csv(parquet: &Path, csv_bytes: &[u8]) -> usize {
    let (names, batches) = read_parquet(parquet);
    let mut r = csv::Reader::from_reader(csv_bytes);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(names, header);
    let mut csv_rows = r.records().map(|x| x.unwrap());
    let mut n = 0;
    for b in &batches {
        for row in 0..b.num_rows() {
            let rec = csv_rows.next().expect("Parquet has more rows than the CSV");
            for (i, name) in names.iter().enumerate() {
                assert_eq!(
                    cell(b.column(i).as_ref(), row),
                    rec[i],
                    "row {n}, column {name}"
                );
            }
            n += 1;
        }
    }
    assert!(csv_rows.next().is_none(), "the CSV has more rows");
    n
}
