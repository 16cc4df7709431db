export default function middleware(req) {
  if (!req.cookies.get("token")) {
    return Response.redirect(new URL("/login", req.url));
  }
}

export const config = { matcher: "/app/:id(\\d+)" };
