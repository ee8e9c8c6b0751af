import { useEffect, useRef, useState } from 'react';
import type { LabelPair } from '../../domain/label-pair';
import { useLang } from '../../ui/lang';

const UNAVAILABLE: LabelPair = { zh: '视频流不可用', en: 'Stream unavailable' };
const HLS_MIME = 'application/vnd.apple.mpegurl';

/**
 * Attaches an HLS stream to a video element and returns how to detach it. Safari (and other
 * browsers with native HLS) plays the URL directly; elsewhere hls.js is loaded on demand, so
 * it stays out of the main bundle until a camera with a stream is opened.
 */
function attachStream(video: HTMLVideoElement, url: string, fail: () => void): () => void {
  if (video.canPlayType(HLS_MIME)) {
    video.addEventListener('error', fail);
    video.src = url;
    return () => {
      video.removeEventListener('error', fail);
      video.removeAttribute('src');
      video.load();
    };
  }
  let detached = false;
  let destroy: (() => void) | null = null;
  // The light build plays plain live streams (no subtitles, alternate audio or DRM): a third the size.
  import('hls.js/light').then(({ default: Hls }) => {
    if (detached) return;
    if (!Hls.isSupported()) return fail();
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) fail();
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    destroy = () => hls.destroy();
  }, fail);
  return () => {
    detached = true;
    destroy?.();
  };
}

/** A muted, autoplaying live video of an HLS URL; says so when the stream cannot be played. */
export function HlsPlayer({ url, title }: { url: string; title: string }) {
  const { t } = useLang();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let active = true;
    const detach = attachStream(video, url, () => {
      if (active) setFailedUrl(url);
    });
    return () => {
      active = false;
      detach();
    };
  }, [url]);
  const failed = failedUrl === url;
  return (
    <div className="hls-player" data-stream={failed ? 'unavailable' : 'attached'}>
      <video
        ref={videoRef}
        className="hls-player__video"
        title={title}
        muted
        autoPlay
        playsInline
        hidden={failed}
      />
      {failed && (
        <p className="hls-player__message" role="status">
          {t(UNAVAILABLE)}
        </p>
      )}
    </div>
  );
}
