//! `sitrep serve`: the HTTP API over a store built by `sitrep ingest`, and the map page.
//! The contract is `API.md` in this crate; `openapi.rs` describes it as OpenAPI 3.1.
//!
//! Reads go through a small pool of read-only connections (on blocking threads); without a token the
//! server cannot write at all. With a token, `POST /api/documents` extracts a report and stores it
//! through one read-write connection, as `sitrep ingest` does.

#![recursion_limit = "512"]

pub mod assets;
mod openapi;
mod params;

use axum::body::Bytes;
use axum::extract::{Path as UrlPath, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use params::Params;
use serde_json::json;
use sitrep_extract::{Engine, InputDoc};
use sitrep_store::api::EventQuery;
use sitrep_store::filter::Style;
use sitrep_store::{NewDoc, Outcome, Store};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// Largest request body accepted (POST /api/documents).
pub const MAX_BODY: usize = 2 * 1024 * 1024;
/// Longest a request may take, body included.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// An error answered as `{"error": message}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }
    pub fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_response(self.status, &json!({ "error": self.message }))
    }
}

impl From<sitrep_store::StoreError> for ApiError {
    fn from(e: sitrep_store::StoreError) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.0)
    }
}

fn json_response(status: StatusCode, v: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(v) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            )],
            body,
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            )],
            format!("{{\"error\":\"cannot write the response: {e}\"}}"),
        )
            .into_response(),
    }
}

/// How to open the store and whether ingest is on.
pub struct Options {
    pub db: PathBuf,
    /// With a token, `POST /api/documents` accepts `Authorization: Bearer TOKEN`; without, it is 403.
    pub token: Option<String>,
    /// The extraction engine (needed only with a token).
    pub engine: Option<Arc<Engine>>,
    /// Read-only connections in the pool.
    pub readers: usize,
    /// Longest a request may take, body included ([`TIMEOUT`] in `sitrep serve`).
    pub timeout: Duration,
}

/// The server's state: the read pool, and the writer when ingest is on.
pub struct App {
    readers: Vec<Mutex<Store>>,
    next: AtomicUsize,
    writer: Option<Mutex<Store>>,
    token: Option<String>,
    engine: Option<Arc<Engine>>,
    timeout: Duration,
}

impl App {
    /// Opens the store: read-only unless a token is given. Without a token nothing is written, not even a
    /// schema upgrade (a store of an older schema is refused: `sitrep migrate` upgrades it).
    pub fn open(o: Options) -> Result<Arc<App>, String> {
        let db = &o.db;
        if !db.is_file() {
            return Err(format!(
                "no store at {}: run `sitrep ingest ... --db {}` first",
                db.display(),
                db.display()
            ));
        }
        if o.token.is_some() && o.engine.is_none() {
            return Err("a token needs the extraction engine to ingest documents".into());
        }
        if matches!(&o.token, Some(t) if t.trim().is_empty()) {
            return Err("the token is empty: give a non-empty --token or --token-file".into());
        }
        // without a token the store is only read, as it is: an older schema is refused with what to do
        let writer = match &o.token {
            Some(_) => Some(Mutex::new(Store::open(db).map_err(|e| e.to_string())?)),
            None => None,
        };
        let readers = (0..o.readers.max(1))
            .map(|_| Store::open_read(db).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())?;
        Ok(Arc::new(App {
            readers,
            next: AtomicUsize::new(0),
            writer,
            token: o.token,
            timeout: o.timeout,
            engine: o.engine,
        }))
    }

    /// Runs `f` on a pooled read-only connection, on a blocking thread.
    async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let app = self.clone();
        tokio::task::spawn_blocking(move || {
            let n = app.readers.len();
            let start = app.next.fetch_add(1, Ordering::Relaxed);
            // a free connection if there is one, else wait for ours
            for i in 0..n {
                if let Ok(s) = app.readers[(start + i) % n].try_lock() {
                    return f(&s);
                }
            }
            let s = app.readers[start % n]
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            f(&s)
        })
        .await
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the request failed: {e}"),
            )
        })?
    }
}

/// The whole application: API, page, assets, limits and JSON errors.
pub fn router(app: Arc<App>) -> Router {
    let timeout = app.timeout;
    Router::new()
        .route("/api/events", get(events))
        .route("/api/clusters/{id}", get(cluster))
        .route("/api/places/{id}/timeline", get(timeline))
        .route("/api/documents/{id}", get(document))
        .route("/api/documents", axum::routing::post(post_document))
        .route("/api/search", get(search))
        .route("/api/openapi.json", get(openapi_json))
        .route("/", get(index))
        .route("/assets/{*path}", get(asset))
        .fallback(no_route)
        .with_state(app)
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(middleware::from_fn_with_state(timeout, json_errors))
}

/// Serves until Ctrl-C or SIGTERM. `ready` is told the bound address (port 0 picks a free one).
pub async fn serve(
    app: Arc<App>,
    addr: &str,
    ready: impl FnOnce(std::net::SocketAddr),
) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    ready(local);
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// Errors made by the layers (timeout, body limit) and by routing (405) come without a JSON body:
/// give them one that says what is accepted.
async fn json_errors(State(timeout): State<Duration>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !status.is_client_error() && !status.is_server_error() || is_json {
        return resp;
    }
    let message = match status {
        StatusCode::METHOD_NOT_ALLOWED => format!(
            "{method} is not accepted on {path}: {}",
            if path == "/api/documents" {
                "use POST"
            } else {
                "use GET"
            }
        ),
        StatusCode::PAYLOAD_TOO_LARGE => format!(
            "the request body is larger than the {} MB accepted",
            MAX_BODY / (1024 * 1024)
        ),
        StatusCode::REQUEST_TIMEOUT => format!(
            "the request took longer than the {:.1} s allowed",
            timeout.as_secs_f64()
        ),
        StatusCode::NOT_FOUND => format!("no such route: {path} (see /api/openapi.json)"),
        s => format!(
            "{} on {method} {path}",
            s.canonical_reason().unwrap_or("error")
        ),
    };
    let mut out = ApiError::new(status, message).into_response();
    if let Some(allow) = resp.headers().get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}

async fn no_route(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no such route: {method} {} (the API is described at /api/openapi.json)",
        uri.path()
    ))
}

async fn events(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &params::EVENT_PARAMS)?;
    let query =
        EventQuery::parse(|name| p.raw(name), Style::Api).map_err(|e| ApiError::bad(e.message))?;
    let limit = p.int("limit", 1, 10_000)?.unwrap_or(500);
    let offset = p.int("offset", 0, i64::MAX)?.unwrap_or(0);
    let points = p.one_of("view", &["full", "points"])?.as_deref() == Some("points");
    if points {
        let page = app
            .read(move |s| Ok(s.point_page(&query, offset, limit)?))
            .await?;
        Ok(json_response(StatusCode::OK, &page))
    } else {
        let page = app
            .read(move |s| Ok(s.event_page(&query, offset, limit)?))
            .await?;
        Ok(json_response(StatusCode::OK, &page))
    }
}

async fn cluster(
    State(app): State<Arc<App>>,
    UrlPath(id): UrlPath<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    let want = id.clone();
    let c = app
        .read(move |s| Ok(s.cluster_detail(&want)?))
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no cluster {id}: cluster ids are the `id` of /api/events items"
            ))
        })?;
    Ok(json_response(StatusCode::OK, &c))
}

async fn timeline(
    State(app): State<Arc<App>>,
    UrlPath(key): UrlPath<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    let want = key.clone();
    let t = app
        .read(move |s| Ok(s.place_timeline(&want)?))
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no place with key '{key}': place keys are the `place_key` of /api/events items (lower case, e.g. synkivka)"
            ))
        })?;
    Ok(json_response(StatusCode::OK, &t))
}

fn doc_id(id: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().map_err(|_| {
        ApiError::bad(format!(
            "document id '{id}' is not a number: document ids are the numeric `document` of cluster events and search hits"
        ))
    })
}

async fn document(
    State(app): State<Arc<App>>,
    UrlPath(id): UrlPath<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    let n = doc_id(&id)?;
    let d = app
        .read(move |s| Ok(s.document(n)?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no document {n}")))?;
    Ok(json_response(StatusCode::OK, &d))
}

async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref(), &params::SEARCH_PARAMS)?;
    let text = p.text("q").ok_or_else(|| {
        ApiError::bad("q is missing or empty: give the words to search for, e.g. ?q=Vovchansk")
    })?;
    let limit = p.int("limit", 1, 100)?.unwrap_or(20);
    let t = text.clone();
    let items = app.read(move |s| Ok(s.search(&t, limit)?)).await?;
    Ok(json_response(
        StatusCode::OK,
        &json!({"q": text, "items": items}),
    ))
}

async fn openapi_json(RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    Params::parse(q.as_deref(), &[])?;
    Ok(json_response(StatusCode::OK, &openapi::document()))
}

fn asset_response(path: &str, cache: &'static str) -> Result<Response, ApiError> {
    let (bytes, ty) = assets::get(path)
        .ok_or_else(|| ApiError::not_found(format!("no asset '{path}' is embedded")))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(ty)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        bytes,
    )
        .into_response())
}

async fn index() -> Result<Response, ApiError> {
    asset_response("", "no-cache")
}

async fn asset(UrlPath(path): UrlPath<String>) -> Result<Response, ApiError> {
    asset_response(&path, "public, max-age=31536000, immutable")
}

/// Constant-time comparison of the given token with the configured one.
fn token_matches(given: &str, want: &str) -> bool {
    let (a, b) = (given.as_bytes(), want.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The fields of a posted document.
struct Posted {
    text: String,
    name: Option<String>,
    published: Option<chrono::NaiveDate>,
    outlet: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

const POST_FIELDS: [&str; 6] = ["text", "name", "published", "outlet", "title", "url"];

fn parse_posted(body: &[u8]) -> Result<Posted, ApiError> {
    let accepted = "a JSON object {\"text\": \"...\", \"name\"?, \"published\"? (YYYY-MM-DD), \"outlet\"?, \"title\"?, \"url\"?}";
    let v: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad(format!("the body is not JSON ({e}): send {accepted}")))?;
    let obj = v
        .as_object()
        .ok_or_else(|| ApiError::bad(format!("the body is not a JSON object: send {accepted}")))?;
    let unknown: Vec<&str> = obj
        .keys()
        .map(String::as_str)
        .filter(|k| !POST_FIELDS.contains(k))
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::bad(format!(
            "unknown field(s) {}: send {accepted}",
            unknown.join(", ")
        )));
    }
    let field = |k: &str| -> Result<Option<String>, ApiError> {
        match obj.get(k) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::bad(format!(
                "`{k}` must be a string: send {accepted}"
            ))),
        }
    };
    let text = field("text")?
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| ApiError::bad(format!("`text` is missing or empty: send {accepted}")))?;
    let published = match field("published")? {
        None => None,
        Some(d) => Some(params::parse_date("published", &d)?),
    };
    Ok(Posted {
        text,
        name: field("name")?.filter(|s| !s.trim().is_empty()),
        published,
        outlet: field("outlet")?.filter(|s| !s.trim().is_empty()),
        title: field("title")?.filter(|s| !s.trim().is_empty()),
        url: field("url")?.filter(|s| !s.trim().is_empty()),
    })
}

async fn post_document(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(want) = app.token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled: start the server with --token",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match given {
        Some(t) if token_matches(t.trim(), want) => {}
        Some(_) => {
            return Err(unauthorized("the bearer token is wrong"));
        }
        None => {
            return Err(unauthorized(
                "the Authorization header is missing: send `Authorization: Bearer TOKEN`",
            ));
        }
    }
    Params::parse(q.as_deref(), &[])?;
    let posted = parse_posted(&body)?;
    let app2 = app.clone();
    let out = tokio::task::spawn_blocking(move || ingest(&app2, posted))
        .await
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the ingest failed: {e}"),
            )
        })??;
    Ok(json_response(StatusCode::CREATED, &out))
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, message)
}

fn ingest(app: &App, p: Posted) -> Result<serde_json::Value, ApiError> {
    let (Some(engine), Some(writer)) = (&app.engine, &app.writer) else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled: start the server with --token",
        ));
    };
    let hash = sitrep_store::dedup::content_hash(&p.text);
    let name = p
        .name
        .clone()
        .unwrap_or_else(|| format!("api:{}", &hash[..16.min(hash.len())]));
    let doc = InputDoc {
        id: name.clone(),
        text: p.text,
        published: p.published,
        published_source: p
            .published
            .map(|_| sitrep_ledger::PublishedSource::Metadata),
        title: p.title,
        url: p.url,
        source: p.outlet,
        ..Default::default()
    };
    let ledger = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.extract(&doc)))
        .map_err(|_| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error while extracting this document; please report it with the document",
            )
        })?;
    let mut store = writer.lock().unwrap_or_else(|e| e.into_inner());
    let outcome = store.ingest_batch(&[NewDoc {
        name,
        text: doc.text,
        ledger,
    }])?;
    let (id, duplicate_of, syndicated_of) = match outcome.first() {
        Some(Outcome::New(id)) => (*id, None, None),
        Some(Outcome::Duplicate(id)) => (*id, Some(*id), None),
        Some(Outcome::Syndicated { id, of }) => (*id, None, Some(*of)),
        None => {
            return Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the store returned no outcome",
            ))
        }
    };
    let clusters = store.document_clusters(id)?;
    let mut distinct: Vec<&String> = Vec::new();
    for c in &clusters {
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    Ok(json!({
        "document": id,
        "duplicate_of": duplicate_of,
        "syndicated_of": syndicated_of,
        "events": clusters.len(),
        "clusters": distinct,
    }))
}

/// The database path as given, for messages.
pub fn describe(db: &Path, ingest: bool) -> String {
    format!(
        "{} ({})",
        db.display(),
        if ingest {
            "ingest enabled: POST /api/documents with the bearer token"
        } else {
            "read-only"
        }
    )
}

/// Runs the server on its own Tokio runtime until Ctrl-C or SIGTERM.
pub fn run_blocking(
    app: Arc<App>,
    addr: &str,
    ready: impl FnOnce(std::net::SocketAddr),
) -> Result<(), String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?
        .block_on(serve(app, addr, ready))
}
