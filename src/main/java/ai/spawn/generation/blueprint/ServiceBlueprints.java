package ai.spawn.generation.blueprint;

import ai.spawn.generation.blueprint.Blueprint.FieldSupport;
import ai.spawn.generation.blueprint.Blueprint.Kind;
import java.util.List;

/** The catalog's APIs: CRUD for any entity, a URL shortener, a key-value store and a webhook inbox. */
final class ServiceBlueprints {

    private ServiceBlueprints() {
    }

    static List<Blueprint> all() {
        return List.of(
                Blueprint.builder("crud", Kind.API)
                        .summary("REST APIs for your own data (\"an API for books with title, author and year\")")
                        .description("A JSON REST API with validation, search, sorting and paging, saved to a"
                                + " JSON file; its page documents the endpoints and lists the data.")
                        .example("Books API", "a REST API for books with title, author and year")
                        .intent(Intent.builder()
                                .strong("crud", "restful")
                                .weigh(9, "api", "endpoint", "backend", "back end", "web service", "microservice")
                                .weigh(3, "database", "resource", "entity")
                                .weigh(1, "rest", "json")
                                .bonus(ServiceBlueprints::namesFieldsOfAnApi)
                                .build())
                        .defaults("Items API", "#0e7490").fields(FieldSupport.ENTITY).contributor(new CrudValues())
                        .node("lib/fields.js=_shared/node/fields.js").build(),
                Blueprint.builder("shortener", Kind.API).summary("URL shorteners")
                        .description("A URL shortener: POST /api/links makes a short link, GET /{slug} redirects"
                                + " with 302 and counts clicks; links are saved in links.json.")
                        .example("URL shortener", "a URL shortener API")
                        .intent(Intent.builder()
                                .strong("url shortener", "link shortener", "shortener", "short link", "short url",
                                        "shorten url", "shorten link", "tinyurl", "bitly", "shorten")
                                .weigh(4, "redirect", "links")
                                .weigh(2, "url", "link")
                                .build())
                        .defaults("Short links", "#0891b2").node().build(),
                Blueprint.builder("kv", Kind.API).summary("key-value stores")
                        .description("A key-value store: PUT, GET and DELETE /api/kv/{key} with any JSON or text"
                                + " value, optional expiry, listing by prefix; saved in kv.json.")
                        .example("Key-value store", "a key-value store API")
                        .intent(Intent.builder()
                                .strong("key value", "key value store", "kv store", "kv", "redis", "keyvalue",
                                        "key store", "config store", "settings store")
                                .weigh(4, "cache")
                                .weigh(2, "store", "keys", "values")
                                .build())
                        .defaults("Key-value store", "#4d7c0f").node().build(),
                Blueprint.builder("webhooks", Kind.API).summary("webhook inboxes")
                        .description("A webhook inbox: any request to /hooks/{name} is captured with its method,"
                                + " headers, query and body; the page lists them live.")
                        .example("Webhook inbox", "a webhook inbox that shows incoming requests")
                        .intent(Intent.builder()
                                .strong("webhook", "webhooks", "webhook inbox", "request bin", "requestbin",
                                        "webhook tester", "webhook receiver", "request inspector", "http inspector",
                                        "hook inbox", "webhook catcher", "webhook logger")
                                .weigh(4, "callback", "payload", "incoming request")
                                .weigh(3, "inbox", "capture")
                                .build())
                        .defaults("Webhook inbox", "#6d28d9").node().build());
    }

    private static int namesFieldsOfAnApi(PromptText prompt) {
        boolean api = prompt.mentions("api") || prompt.mentions("rest") || prompt.mentions("crud")
                || prompt.mentions("endpoint") || prompt.mentions("backend");
        return api && EntityExtractor.namesFields(prompt) ? 6 : 0;
    }
}
