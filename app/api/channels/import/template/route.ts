// GET /api/channels/import/template?format=csv|xlsx&locale=en|zh — the file to fill in for a bulk import
import { route, searchParamsOf } from "@/lib/http/route";
import { buildImportTemplate } from "@/lib/channels/import/import-template";
import { importTemplateQuerySchema } from "@/lib/schemas/channel-import";

export const GET = route({ role: "viewer", account: "none" }, async (request) => {
  const query = importTemplateQuerySchema.parse(searchParamsOf(request));
  const template = await buildImportTemplate(query.format, query.locale);
  return new Response(new Uint8Array(template.body), {
    headers: {
      "content-type": template.contentType,
      "content-disposition": `attachment; filename="${template.fileName}"`,
    },
  });
});
