"use client";

// Imports the action through the barrel, not from its module.
import { createPost } from "@/lib/actions";

export function PostForm() {
  return <form action={createPost}><button>post</button></form>;
}
