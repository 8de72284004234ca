import '@/components/shared/pages.css';
import '@/components/review/review.css';
import '@/components/review/themes/themes.css';
import { createRoot } from 'react-dom/client';
import { ReviewApp } from '@/components/review/ReviewApp';

const root = document.getElementById('root');
if (root) createRoot(root).render(<ReviewApp />);
