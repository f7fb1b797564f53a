// Errors the server itself answers on /api/chat, in the Chat API's error envelope so the SPA parses one format.

export interface ChatErrorEnvelope {
  error: string;
  exception: string;
  timestamp: number;
  duration: number;
  error_description: string;
}

export function chatErrorResponse(
  status: number,
  error: string,
  exception: string,
  description: string,
  now: () => number = Date.now,
): Response {
  const body: ChatErrorEnvelope = {
    error,
    exception,
    timestamp: now(),
    duration: 0,
    error_description: description,
  };
  return Response.json(body, { status });
}
