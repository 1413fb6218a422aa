use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::helpers::{Backend, signed_in, spawn_app};

async fn next_json(
    socket: &mut (impl StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin),
) -> Value {
    loop {
        let message = tokio::time::timeout(std::time::Duration::from_secs(10), socket.next())
            .await
            .expect("a message within 10 s")
            .expect("the socket is open")
            .unwrap();
        if let Message::Text(text) = message {
            return serde_json::from_str(&text).unwrap();
        }
    }
}

#[tokio::test]
async fn editors_are_told_of_each_taxonomy_change_over_graphql_transport_ws() {
    let app = spawn_app(Backend::Sqlite).await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let mut request = format!("{}/graphql/ws", app.address.replace("http", "ws"))
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("sec-websocket-protocol", "graphql-transport-ws".parse().unwrap());
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();

    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {editor}") } });
    socket.send(Message::text(init.to_string())).await.unwrap();
    assert_eq!(next_json(&mut socket).await["type"], "connection_ack");
    let subscribe = json!({ "id": "1", "type": "subscribe",
        "payload": { "query": "subscription { taxonomyChanged { version action entity slug } }" } });
    socket.send(Message::text(subscribe.to_string())).await.unwrap();
    // Give the server a moment to register the subscription before the change.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let (_, changed) = app
        .graphql_as(
            &editor,
            r#"mutation { addAlias(skill: "redis", alias: "Redis Stack") { slug } }"#,
            json!({}),
        )
        .await;
    assert!(changed.get("errors").is_none(), "{changed}");
    let event = next_json(&mut socket).await;
    assert_eq!(event["type"], "next", "{event}");
    let payload = &event["payload"]["data"]["taxonomyChanged"];
    assert_eq!(payload["action"], "addAlias");
    assert_eq!(payload["slug"], "redis");
    assert!(payload["version"].as_i64().unwrap() >= 2);
}

#[tokio::test]
async fn anonymous_subscribers_are_refused() {
    let app = spawn_app(Backend::Sqlite).await;
    let mut request = format!("{}/graphql/ws", app.address.replace("http", "ws"))
        .into_client_request()
        .unwrap();
    request
        .headers_mut()
        .insert("sec-websocket-protocol", "graphql-transport-ws".parse().unwrap());
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    socket
        .send(Message::text(json!({ "type": "connection_init" }).to_string()))
        .await
        .unwrap();
    assert_eq!(next_json(&mut socket).await["type"], "connection_ack");
    let subscribe = json!({ "id": "1", "type": "subscribe",
        "payload": { "query": "subscription { taxonomyChanged { version } }" } });
    socket.send(Message::text(subscribe.to_string())).await.unwrap();
    let reply = next_json(&mut socket).await;
    assert_eq!(reply["type"], "next", "{reply}");
    assert!(reply["payload"]["data"].is_null());
    assert_eq!(reply["payload"]["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
}
