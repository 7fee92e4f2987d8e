// AI and search providers: OpenAI, Anthropic, Groq, Hugging Face, Replicate, Perplexity …
import type { Detector } from "../detector.ts";
import { Charset, fakeToken, inContexts } from "../fake.ts";
import { prefixed } from "./build.ts";

const ai = (
  id: string,
  description: string,
  prefix: string,
  body: string,
  sample: string,
  name: string,
): Detector => prefixed({ id, category: "ai-key", description, prefix, body, sample, name });

/** AI-provider detectors. */
export const aiDetectors = (): Detector[] => [
  {
    id: "openai-api-key",
    category: "ai-key",
    description:
      "OpenAI API key with the T3BlbkFJ signature (sk-, sk-proj-, sk-svcacct-, sk-admin-)",
    keywords: ["t3blbkfj"],
    pattern:
      /(?<![A-Za-z0-9_-])sk-(?:[a-z]{2,10}-)?[A-Za-z0-9_-]{16,160}T3BlbkFJ[A-Za-z0-9_-]{16,160}(?![A-Za-z0-9_-])/,
    window: { before: 180, after: 170 },
    keep: 3,
    tier: 3,
    examples: {
      match: inContexts(
        "OPENAI_API_KEY",
        `sk-proj-${fakeToken("oai1", Charset.alnum, 20)}T3BlbkFJ${
          fakeToken("oai2", Charset.alnum, 20)
        }`,
      ),
      ignore: ["T3BlbkFJ is base64 for OpenAI"],
    },
  },
  ai(
    "openai-project-key",
    "OpenAI project / service-account key without the signature (sk-proj-, sk-svcacct-)",
    "sk-proj-",
    "[A-Za-z0-9_-]{40,200}",
    fakeToken("oaip", Charset.base64url, 120),
    "OPENAI_API_KEY",
  ),
  ai(
    "openai-service-account-key",
    "OpenAI service-account key (sk-svcacct-)",
    "sk-svcacct-",
    "[A-Za-z0-9_-]{40,200}",
    fakeToken("oais", Charset.base64url, 120),
    "OPENAI_API_KEY",
  ),
  ai(
    "openai-admin-key",
    "OpenAI admin key (sk-admin-)",
    "sk-admin-",
    "[A-Za-z0-9_-]{40,200}",
    fakeToken("oaia", Charset.base64url, 120),
    "OPENAI_ADMIN_KEY",
  ),
  prefixed({
    id: "anthropic-api-key",
    category: "ai-key",
    description: "Anthropic API or admin key (sk-ant-api03-, sk-ant-admin01-)",
    prefix: "sk-ant-",
    body: "(?:api|admin|oat|sid)\\d{2}-[A-Za-z0-9_-]{80,120}",
    sample: `api03-${fakeToken("ant", Charset.base64url, 93)}AA`,
    name: "ANTHROPIC_API_KEY",
    keep: 7,
  }),
  ai(
    "groq-api-key",
    "Groq API key (gsk_)",
    "gsk_",
    "[A-Za-z0-9]{52}",
    fakeToken("gsk", Charset.alnum, 52),
    "GROQ_API_KEY",
  ),
  ai(
    "huggingface-token",
    "Hugging Face user access token (hf_)",
    "hf_",
    // Issued tokens are letters; a copy or an older issue may carry digits.
    "(?=[A-Za-z0-9]{0,39}[A-Za-z])[A-Za-z0-9]{34,40}",
    fakeToken("hf", Charset.alpha, 34),
    "HF_TOKEN",
  ),
  ai(
    "huggingface-org-token",
    "Hugging Face organisation API token (api_org_)",
    "api_org_",
    "[A-Za-z]{34}",
    fakeToken("hforg", Charset.alpha, 34),
    "HF_ORG_TOKEN",
  ),
  ai(
    "replicate-token",
    "Replicate API token (r8_)",
    "r8_",
    "[A-Za-z0-9]{37}",
    fakeToken("r8", Charset.alnum, 37),
    "REPLICATE_API_TOKEN",
  ),
  ai(
    "perplexity-api-key",
    "Perplexity API key (pplx-)",
    "pplx-",
    "[A-Za-z0-9]{48}",
    fakeToken("pplx", Charset.alnum, 48),
    "PERPLEXITY_API_KEY",
  ),
  ai(
    "tavily-api-key",
    "Tavily search API key (tvly-)",
    "tvly-",
    "(?:dev-|prod-)?[A-Za-z0-9]{32}",
    fakeToken("tvly", Charset.alnum, 32),
    "TAVILY_API_KEY",
  ),
  ai(
    "firecrawl-api-key",
    "Firecrawl API key (fc-)",
    "fc-",
    "[a-f0-9]{32}",
    fakeToken("fc", Charset.hex, 32),
    "FIRECRAWL_API_KEY",
  ),
  ai(
    "jina-api-key",
    "Jina AI search foundation key (jina_)",
    "jina_",
    "[a-f0-9]{32}[A-Za-z0-9_-]{26,34}",
    fakeToken("jina1", Charset.hex, 32) + fakeToken("jina2", Charset.base64url, 30),
    "JINA_API_KEY",
  ),
  ai(
    "xai-api-key",
    "xAI (Grok) API key (xai-)",
    "xai-",
    "[A-Za-z0-9]{80}",
    fakeToken("xai", Charset.alnum, 80),
    "XAI_API_KEY",
  ),
  ai(
    "langsmith-api-key",
    "LangSmith API key (lsv2_)",
    "lsv2_",
    "(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}",
    `pt_${fakeToken("ls1", Charset.hex, 32)}_${fakeToken("ls2", Charset.hex, 10)}`,
    "LANGSMITH_API_KEY",
  ),
  ai(
    "deepgram-api-key",
    "Deepgram API key (dg_ secret form)",
    "dg_",
    "[a-f0-9]{40}",
    fakeToken("dg", Charset.hex, 40),
    "DEEPGRAM_API_KEY",
  ),
  ai(
    "elevenlabs-api-key",
    "ElevenLabs API key (sk_ + 48 hex)",
    "sk_",
    "[a-f0-9]{48}",
    fakeToken("eleven", Charset.hex, 48),
    "ELEVENLABS_API_KEY",
  ),
];
