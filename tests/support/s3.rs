//! A real S3 server on loopback for the tests: `s3s-fs` (the S3 protocol over HTTP, with
//! AWS Signature V4 checked against one access key) storing objects under a temporary folder.
//! It runs in the test process and can be taken down and brought back on the same port.

use std::{net::SocketAddr, sync::Arc};

use hyper_util::{
    rt::{TokioExecutor, TokioIo},
    server::conn::auto::Builder,
};
use s3s::{auth::SimpleAuth, service::S3ServiceBuilder};
use tokio::{net::TcpListener, sync::Mutex, task::JoinHandle};

pub const ACCESS_KEY_ID: &str = "metiers-test";
pub const SECRET_ACCESS_KEY: &str = "metiers-test-secret-key";
/// The bucket the server starts with.
pub const BUCKET: &str = "metiers-media";

pub struct S3Server {
    pub addr: SocketAddr,
    /// Where the objects are: one folder per bucket.
    pub root: tempfile::TempDir,
    running: Mutex<Option<JoinHandle<()>>>,
    service: Arc<s3s::service::S3Service>,
}

impl S3Server {
    /// Starts a server with bucket [`BUCKET`].
    pub async fn start() -> Self {
        let root = tempfile::tempdir().expect("a folder for the S3 server");
        std::fs::create_dir(root.path().join(BUCKET)).expect("the bucket's folder");
        let store = s3s_fs::FileSystem::new(root.path()).expect("the S3 server's store");
        let mut builder = S3ServiceBuilder::new(store);
        builder.set_auth(SimpleAuth::from_single(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        let service = Arc::new(builder.build());
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let server = Self {
            addr,
            root,
            running: Mutex::new(None),
            service,
        };
        server.serve(listener).await;
        server
    }

    /// The endpoint an application is configured with.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    async fn serve(&self, listener: TcpListener) {
        let service = self.service.clone();
        let accepting = tokio::spawn(async move {
            // Connections live in this set: taking the server down ends them too.
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((socket, _)) = listener.accept().await {
                let service = (*service).clone();
                connections.spawn(async move {
                    let _ = Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(socket), service)
                        .await;
                });
            }
        });
        *self.running.lock().await = Some(accepting);
    }

    /// Stops answering: new connections are refused and open ones are cut.
    pub async fn down(&self) {
        if let Some(accepting) = self.running.lock().await.take() {
            accepting.abort();
            let _ = accepting.await;
        }
    }

    /// Answers again, on the same port.
    pub async fn up(&self) {
        let listener = TcpListener::bind(self.addr)
            .await
            .expect("bind the same port again");
        self.serve(listener).await;
    }
}
