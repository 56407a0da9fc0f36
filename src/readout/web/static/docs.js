// A small offline API reference: reads openapi.json and lists every operation.
// Everything from the schema is inserted with textContent.
"use strict";

(function () {
  function add(parent, tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    parent.appendChild(node);
    return node;
  }

  function typeOf(schema, spec) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, spec)).join(" | ");
    const bits = [schema.type || "", schema.format ? `(${schema.format})` : ""];
    if (schema.pattern) bits.push(`pattern ${schema.pattern}`);
    if (schema.minimum !== undefined) bits.push(`≥ ${schema.minimum}`);
    if (schema.maximum !== undefined) bits.push(`≤ ${schema.maximum}`);
    if (schema.maxLength !== undefined) bits.push(`max length ${schema.maxLength}`);
    return bits.filter(Boolean).join(" ");
  }

  function parameters(section, op, spec) {
    const params = op.parameters || [];
    if (!params.length) return;
    const table = add(section, "table", undefined, "params");
    const head = add(add(table, "thead"), "tr");
    ["name", "in", "required", "type", "description"].forEach((h) => add(head, "th", h));
    const body = add(table, "tbody");
    for (const p of params) {
      const row = add(body, "tr");
      add(add(row, "td"), "code", p.name);
      add(row, "td", p.in);
      add(row, "td", p.required ? "yes" : "");
      add(row, "td", typeOf(p.schema, spec));
      add(row, "td", p.description || (p.schema && p.schema.description) || "");
    }
  }

  function operation(root, path, method, op, spec) {
    const section = add(root, "section", undefined, "report");
    const title = add(section, "h3");
    add(title, "span", method.toUpperCase(), "type t-neutral");
    title.appendChild(document.createTextNode(" "));
    add(title, "code", path);
    if (op.summary) add(section, "p", op.summary, "title");
    if (op.description) add(section, "p", op.description);
    parameters(section, op, spec);
    if (op.requestBody) {
      const content = op.requestBody.content || {};
      const schema = (content["application/json"] || {}).schema;
      add(section, "p", "JSON body: " + typeOf(schema, spec));
    }
    const codes = Object.keys(op.responses || {}).join(", ");
    add(section, "p", "Responses: " + codes, "note");
  }

  async function render(root) {
    const response = await fetch(root.dataset.spec);
    const spec = await response.json();
    root.replaceChildren();
    add(root, "p", `${spec.info.title} ${spec.info.version}: ${spec.info.summary || ""}`, "note");
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) operation(root, path, method, op, spec);
    }
    root.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", () => {
    const root = document.getElementById("api-docs");
    if (root) render(root).catch((err) => { root.textContent = "Could not load the API description: " + err.message; });
  });
})();
