import { PostForm } from "@/components/post-form";

export default function PostsPage() {
  return <PostForm />;
}
