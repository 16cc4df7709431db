// A bare & in JSX text is valid TSX that tree-sitter reports as an error
// deep in the function body; the page's imports are still readable.
export default function TermsPage() {
  return <p>Terms & Conditions</p>;
}
